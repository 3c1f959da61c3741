import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadDesign, syntheticDesign } from '../src/catalog';
import { PROVIDER_FACTS, PROVIDERS } from '../src/model';
import { EXPORT_TARGETS, GENERATORS, generateExport, TARGETS, unsupportedTargets } from './index';
import { TERRAFORM_BY_PROVIDER } from './terraform';

describe('export targets', () => {
  it('describes every target once, under its own id, and registers a generator for each', () => {
    expect(Object.keys(TARGETS)).toEqual([...EXPORT_TARGETS]);
    expect(Object.keys(GENERATORS)).toEqual([...EXPORT_TARGETS]);
    for (const target of EXPORT_TARGETS) {
      expect(TARGETS[target].id).toBe(target);
      expect(GENERATORS[target].id).toBe(target);
    }
  });

  it('offers Terraform for exactly the providers that have a Terraform generator', () => {
    expect([...TARGETS.terraform.providers].sort()).toEqual(Object.keys(TERRAFORM_BY_PROVIDER).sort());
  });

  it('writes in one export of every target what each target writes alone (the proposal reads the Terraform and runbooks the export shares with it)', () => {
    const loaded = loadDesign(readFileSync(new URL('../templates/erp-on-kubernetes.yaml', import.meta.url), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.problems[0]?.message);
    const alone = EXPORT_TARGETS.flatMap((target) => generateExport(loaded.design, { targets: [target] }));
    expect(alone.some((file) => file.path.startsWith('proposal/'))).toBe(true);
    expect(generateExport(loaded.design)).toEqual(alone);
  });

  it('tells the caller of each target it writes, in the order they are written, and of no other', () => {
    const loaded = loadDesign(readFileSync(new URL('../templates/erp-on-kubernetes.yaml', import.meta.url), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.problems[0]?.message);
    const heard: string[] = [];
    // The proposal makes the Terraform and runbooks for its appendices too: only the targets asked for are reported.
    const files = generateExport(loaded.design, { targets: ['proposal', 'helm'], onTarget: (target) => heard.push(target) });
    expect(heard).toEqual(['helm', 'proposal']);
    expect([...new Set(files.map((file) => file.path.split('/')[0]))]).toEqual(['helm', 'proposal']);
    const all: string[] = [];
    generateExport(loaded.design, { onTarget: (target) => all.push(target) });
    expect(all).toEqual([...EXPORT_TARGETS]);
  });

  it.each(PROVIDERS.filter((provider) => !TARGETS.terraform.providers.includes(provider)))(
    'says Terraform for %s is not generated yet, and writes none of another provider\'s code',
    (provider) => {
      const design = { ...syntheticDesign(40, 7), provider };
      expect(unsupportedTargets(design)).toEqual([{ target: 'terraform', reason: `Terraform for ${PROVIDER_FACTS[provider].label} is not generated yet (AWS only).` }]);
      const files = generateExport(design, { targets: ['terraform', 'helm'] });
      expect(files.filter((file) => file.path.startsWith('terraform/'))).toEqual([]);
      expect(files.map((file) => file.contents).join('\n')).not.toMatch(/\baws_[a-z]/);
    },
  );
});
