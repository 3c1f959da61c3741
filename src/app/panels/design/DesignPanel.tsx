import { useModel } from '../../store';

export default function DesignPanel() {
  const model = useModel();
  return (
    <div>
      <h2>{model.name}</h2>
      <p>Tier: {model.tier}</p>
    </div>
  );
}
