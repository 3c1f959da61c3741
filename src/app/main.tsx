import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadDesign } from '../catalog';
import sampleText from '../../templates/single-region-multi-az.yaml?raw';

function App() {
  const result = loadDesign(sampleText);
  return (
    <main>
      <h1>Ninesmith</h1>
      <p data-testid="design-name">{result.ok ? result.design.name : 'The sample design did not load'}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
