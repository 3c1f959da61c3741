import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadDesign } from '../catalog';
import { App } from './App';
import { replaceDocument } from './store';
import { installTestApi } from './test-api';
import sampleText from '../../templates/single-region-multi-az.yaml?raw';

const sample = loadDesign(sampleText);
if (sample.ok) replaceDocument('sample', sample.design);
installTestApi();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
