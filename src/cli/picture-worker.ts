import { parentPort } from 'node:worker_threads';
import { svgToPng } from './rasterize';
import type { PictureReply, PictureRequest } from './picture-thread';

/**
 * The picture thread's side (see PictureThread): draws each SVG it is sent with resvg and sends the
 * PNG back, its bytes moved rather than copied when they fill a buffer of their own.
 */
if (!parentPort) throw new Error('picture-worker runs as a worker thread of the command line, not on its own');
const port = parentPort;

port.on('message', (request: PictureRequest) => {
  svgToPng(request.svg, request.scale).then(
    (png) => {
      const own = png.byteOffset === 0 && png.byteLength === png.buffer.byteLength && png.buffer instanceof ArrayBuffer;
      const reply: PictureReply = { id: request.id, png };
      port.postMessage(reply, own ? [png.buffer as ArrayBuffer] : []);
    },
    (error: unknown) => {
      const reply: PictureReply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
      port.postMessage(reply);
    },
  );
});
