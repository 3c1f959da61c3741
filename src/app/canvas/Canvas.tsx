import { useModel } from '../store';

export default function Canvas() {
  const model = useModel();
  return <div data-testid="canvas">{model.components.length} components</div>;
}
