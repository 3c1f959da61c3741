import { expect, test } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';

const design = (provider: string, location: string) => `
ninesmith: 1
name: Palette test design
provider: ${provider}
regions:
  - { id: primary, location: ${location}, zones: [a, b] }
components:
  - { id: users, kind: users }
connections: []
layout:
  users: { x: 0, y: 0 }
  primary: { x: 300, y: 0 }
`;

let canvas: CanvasPage;

test.beforeEach(async ({ page }) => {
  canvas = new CanvasPage(page);
  await canvas.open();
});

test('finds kinds by each provider\'s service names, grouped by layer, named as the design\'s provider names them', async ({ page }) => {
  await canvas.load(design('aws', 'us-east-1'), 'users');
  const palette = page.getByTestId('palette');

  await canvas.searchPalette('Lambda');
  await expect(canvas.paletteItem('serverless-function')).toBeVisible();
  await expect(page.getByTestId('palette-service-serverless-function')).toHaveText('AWS Lambda');
  await expect(palette.locator('.ns-palette-item')).toHaveCount(1);
  await expect(palette.getByRole('region', { name: 'Application' })).toBeVisible();

  // Another provider's name finds the same kind, still named as this design's provider names it.
  await canvas.searchPalette('Cosmos');
  await expect(canvas.paletteItem('key-value-db')).toBeVisible();
  await expect(page.getByTestId('palette-service-key-value-db')).toHaveText('Amazon DynamoDB');
  await expect(palette.getByRole('region', { name: 'Data' })).toBeVisible();

  await canvas.searchPalette('Kafka');
  await expect(canvas.paletteItem('event-stream')).toBeVisible();
  await canvas.searchPalette('EKS');
  await expect(canvas.paletteItem('kubernetes-cluster')).toBeVisible();
  await expect(page.getByTestId('palette-service-kubernetes-cluster')).toHaveText('Amazon EKS');

  await canvas.searchPalette('no such service anywhere');
  await expect(palette.getByText('No component matches')).toBeVisible();
});

test('shows the Azure name for a design on Azure, and adds the kind found', async ({ page }) => {
  await canvas.load(design('azure', 'westeurope'), 'users');
  await canvas.searchPalette('lambda');
  await expect(page.getByTestId('palette-service-serverless-function')).toHaveText('Azure Functions');
  await canvas.paletteItem('serverless-function').click();
  const added = (await canvas.document()).components.find((c) => c.kind === 'serverless-function');
  expect(added).toMatchObject({ region: 'primary' });
});
