import { useStore } from '../store';

export default function Toolbar() {
  const name = useStore((state) => state.model.name);
  return (
    <div className="toolbar">
      <strong>Ninesmith</strong> <span data-testid="design-name">{name}</span>
    </div>
  );
}
