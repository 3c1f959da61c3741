/**
 * The diagram: geometry, automatic layout, routing and the renderers (SVG, draw.io) shared by the
 * canvas, the command line and the generators. Plain TypeScript over the model and the catalog:
 * no DOM, no Node, no React (eslint.config.js); ELK is loaded on demand by `autoLayout` only.
 */
export * from './geometry';
export { completePositions, gridLayout, simpleOrdering, type Ordering } from './layout';
export { bandOf, colourOf, iconOf, layerOf, placeOf, LAYER_COLOURS, type Icon, type Place } from './kinds';
export * from './labels';
export { exportScene, type ExportScope } from './scene';
export { renderDiagramSvg, sceneToSvg, type DiagramSvgOptions } from './svg';
export { iconElements, kindTileSvg, roundedPath } from './shapes';
export { renderDiagramDrawio, type DrawioOptions } from './drawio';
export { textWidth, wrapText, DIAGRAM_FONT_FAMILY } from './text';
export { createRouter, elbow, routeConnections, ROUTE_MARGIN, type RouteRequest, type Router, type Side } from './route';
export { firstView, requestPathNodes, type ViewportSize } from './first-view';
