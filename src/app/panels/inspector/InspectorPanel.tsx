import { useModel, useSelection } from '../../store';
import { displayName } from '../../../model';

export default function InspectorPanel() {
  const model = useModel();
  const selection = useSelection();
  const selected = model.components.filter((c) => selection.components.includes(c.id));
  if (selected.length === 0) return <p className="panel-empty">Select a component to edit it.</p>;
  return (
    <ul>
      {selected.map((component) => (
        <li key={component.id}>{displayName(component)}</li>
      ))}
    </ul>
  );
}
