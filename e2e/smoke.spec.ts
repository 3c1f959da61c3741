import { expect, test } from '@playwright/test';

test('the designer opens with the sample design', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('design-name')).toHaveText('Client portal, single region, multi-AZ');
});
