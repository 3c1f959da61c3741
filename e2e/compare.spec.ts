import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { cliPriceBook, importInApp, usWest2TestBook } from './fixtures/test-price-book';
import { ComparePage } from './pages/compare-page';
import { CostPanel } from './pages/cost-panel';

// The templates' second region is us-west-2, which the bundled catalog does not price (a total there
// says what it excludes): both the app and the command line get the same test book for it.
const BOOK = usWest2TestBook();
const CLI_BOOK = cliPriceBook(BOOK);

interface CliComparison {
  designs: { name: string; cost: { monthly: { low: number; expected: number; high: number } }; costPerNine: { kind: string } }[];
  journeys: { id: string; designs: ({ availability: number | null; modelled: { availability: number } | null } | null)[] }[];
}

/** The command line's comparison of the same files: the view and `ninesmith compare` must agree. */
function cliCompare(...files: string[]): CliComparison {
  return JSON.parse(execFileSync(process.execPath, ['bin/ninesmith.mjs', 'compare', ...files, '--format', 'json', '--price-book', CLI_BOOK], { encoding: 'utf8' }));
}

/** The app with the test price book, comparing the single-region and the active-passive templates. */
async function compareTwoTemplates(page: Page): Promise<ComparePage> {
  await page.goto('/');
  await importInApp(page, BOOK);
  const compare = new ComparePage(page);
  await compare.open();
  await compare.choose(0, 'template:single-region-multi-az');
  await compare.choose(1, 'template:multi-region-active-passive');
  await expect(compare.table).toBeVisible();
  return compare;
}

const usd = (amount: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(amount);

test('the compare view puts two templates side by side with the figures of the command line', async ({ page }) => {
  const cli = cliCompare('templates/single-region-multi-az.yaml', 'templates/multi-region-active-passive.yaml');
  const compare = await compareTwoTemplates(page);
  await expect(compare.column(0)).toContainText('Client portal, single region, multi-AZ');
  await expect(compare.column(1)).toContainText('Client portal, active-passive across two regions');

  // Cost: present, equal to the command line's, and the second region costs more.
  const [first, second] = [await compare.value(compare.monthly(0)), await compare.value(compare.monthly(1))];
  expect(first).toBe(cli.designs[0]!.cost.monthly.expected);
  expect(second).toBe(cli.designs[1]!.cost.monthly.expected);
  expect(first).toBeLessThan(second);
  await expect(compare.monthly(0)).toContainText(usd(first));
  await expect(compare.monthly(1)).toContainText(`+${usd(second - first)}`);

  // Availability, modelled: the warm standby lifts every journey (a region incident becomes a failover),
  // and each added nine has a price; the SLA floor beside it does not move.
  const submit = [await compare.value(compare.journey('submit-timesheet', 0)), await compare.value(compare.journey('submit-timesheet', 1))];
  expect(submit[0]).toBeLessThan(submit[1]!);
  expect(submit[1]).toBe(cli.journeys.find((j) => j.id === 'submit-timesheet')!.designs[1]!.modelled!.availability);
  await expect(compare.journey('submit-timesheet', 0)).toContainText('modelled');
  await expect(page.getByTestId('compare-journey-submit-timesheet-0-range')).toHaveText(/\(99\.\d+% to 99\.\d+%\)/);
  await expect(page.getByTestId('compare-journey-submit-timesheet-0-floor')).toHaveText('SLA floor 99.7802%');
  await expect(page.getByTestId('compare-journey-submit-timesheet-1-floor')).toHaveText('SLA floor 99.7802%');
  await expect(page.getByTestId('compare-journey-submit-timesheet-0-caps')).toContainText('Region US East (us-east-1) fails');
  await expect(compare.journey('monthly-report', 1)).toContainText('missing');
  await expect(compare.costPerNine(1)).toHaveAttribute('data-kind', cli.designs[1]!.costPerNine.kind);
  await expect(compare.costPerNine(1)).toHaveText(/\$[\d,]+\.\d\d\/mo per nine/);
  await expect(compare.journey('submit-timesheet', 1)).toContainText(/\$[\d,]+\.\d\d\/mo per nine/);

  // Recovery: a second region bounds the loss of the primary one.
  await expect(compare.scenario('primary-region', 0)).toContainText('RTO unbounded');
  await expect(compare.scenario('primary-region', 1)).toContainText('RTO now bounded');
  await expect(page.getByTestId('compare-verdicts')).toContainText(/Weakest journey by modelled availability \(Sign in\): \$[\d,]+\.\d\d a month per added nine/);
});

test('the compare view orders the three reference designs by cost and compares the open design', async ({ page }) => {
  await page.goto('/');
  await importInApp(page, BOOK);
  const compare = new ComparePage(page);
  await compare.open();
  // The first slot starts on the open design (the multi-AZ sample on a first run).
  await compare.choose(1, 'template:multi-region-active-passive');
  await compare.choose(2, 'template:multi-region-active-active');
  await expect(compare.column(0)).toContainText('Client portal, single region, multi-AZ');
  const costs = [await compare.value(compare.monthly(0)), await compare.value(compare.monthly(1)), await compare.value(compare.monthly(2))];
  expect(costs[0]).toBeLessThan(costs[1]!);
  expect(costs[1]).toBeLessThan(costs[2]!);
  const weakest = [await compare.value(page.getByTestId('compare-weakest-0')), await compare.value(page.getByTestId('compare-weakest-2'))];
  expect(weakest[0]).toBeLessThan(weakest[1]!);
  await expect(compare.costPerNine(2)).toHaveAttribute('data-kind', 'per-nine');

  // Down to one design: the view asks for a second rather than showing a half comparison.
  await compare.choose(1, '');
  await compare.choose(2, '');
  await expect(page.getByTestId('compare-status')).toHaveText('Choose at least two designs.');
  await page.getByTestId('compare-view-close').click();
  await expect(compare.view).toBeHidden();
});

test('the compare view shows one design beside itself under another commitment profile', async ({ page }) => {
  await page.goto('/');
  // Wait for the app to open its design before replacing it, so the first design opened cannot win.
  const panel = new CostPanel(page);
  await panel.open();
  await panel.loadDesign(readFileSync('src/engine/cost/fixtures/six-m5-large-frankfurt.yaml', 'utf8'));
  await expect(panel.total).toHaveText('$0.00');
  // The AWS Price List excerpt for EC2 in eu-central-1: on-demand $0.115, 1-year reserved $0.072 an hour.
  await importInApp(page, 'src/engine/cost/fixtures/price-files/aws-ec2-eu-central-1.csv');
  await expect(panel.total).toHaveText('$503.70');
  const compare = new ComparePage(page);
  await compare.open();
  await compare.choose(1, 'open');
  await page.getByTestId('compare-commitment-1').selectOption('1-year');
  await expect(compare.column(1)).toContainText('(1-year)');
  // 6 x 730 h x $0.115 = $503.70 on-demand; x $0.072 = $315.36 on the 1-year commitment.
  expect(await compare.value(compare.monthly(0))).toBe(503.7);
  expect(await compare.value(compare.monthly(1))).toBe(315.36);
});

const PDFTOTEXT = '/usr/bin/pdftotext';

test('a proposal of two compared options opens in the browser, prints to PDF, and downloads as PDF and Word', async ({ page, context }, testInfo) => {
  await compareTwoTemplates(page);
  const names = ['Client portal, single region, multi-AZ', 'Client portal, active-passive across two regions'];
  const download = async (format: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`compare-proposal-${format}`).click()]);
    return readFileSync((await file.path())!);
  };

  // The HTML: one file that fetches nothing, both options side by side and one marked recommended.
  const html = (await download('html')).toString('utf8');
  const reader = await context.newPage();
  const requests: string[] = [];
  reader.on('request', (request) => {
    if (!request.url().startsWith('data:') && request.url() !== 'about:blank') requests.push(request.url());
  });
  await reader.setContent(html, { waitUntil: 'load' });
  expect(requests).toEqual([]);
  for (const name of names) await expect(reader.locator('body')).toContainText(name);
  await expect(reader.locator('body')).toContainText('(recommended)');
  await expect(reader.locator('svg').first()).toBeVisible();

  // Printed as the client would (print stylesheet, A4): pages, with the options' names in the text.
  await reader.emulateMedia({ media: 'print' });
  const printed = await reader.pdf({ format: 'A4', printBackground: true });
  expect(printed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const printedPath = testInfo.outputPath('printed.pdf');
  writeFileSync(printedPath, printed);
  if (existsSync(PDFTOTEXT)) {
    const text = execFileSync(PDFTOTEXT, ['-layout', printedPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('/usr/bin/pdfinfo', [printedPath], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (const name of names) expect(text).toContain(name);
  } else testInfo.annotations.push({ type: 'skipped', description: `${PDFTOTEXT} is not installed: the printed PDF's text was not read` });

  // The PDF and Word files the consultant sends or edits.
  const pdf = await download('pdf');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  if (existsSync(PDFTOTEXT)) {
    const pdfPath = testInfo.outputPath('proposal.pdf');
    writeFileSync(pdfPath, pdf);
    const text = execFileSync(PDFTOTEXT, [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const name of names) expect(text).toContain(name);
  }
  const docx = await download('docx');
  expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
});
