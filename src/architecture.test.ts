import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer boundaries of architecture.md are lint rules; this checks the rules really bite. */
describe('layer boundaries', () => {
  const eslint = new ESLint();
  const violations = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
  };

  it.each([
    ['src/model/x.ts', "import { kindOf } from '../catalog';"],
    ['src/model/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/catalog/x.ts', "import { useState } from 'react';"],
    ['src/engine/x.ts', "import { create } from 'zustand';"],
    ['src/engine/x.ts', "import { useStore } from '../app/store';"],
    ['generators/x.ts', "import { writeFileSync } from 'node:fs';"],
    ['src/cli/x.ts', "import { App } from '../app/App';"],
    ['src/import/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/import/x.ts', "import { analyzeDesign } from '../engine';"],
    ['src/import/x.ts', "import { generateExport } from '../../generators';"],
    ['src/app/panels/x.tsx', "import { ReactFlow } from '@xyflow/react';"],
    ['src/app/x.tsx', "import { readFileSync } from 'node:fs';"],
  ])('refuses %s: %s', async (filePath, code) => {
    expect(await violations(filePath, code)).toBe(1);
  });

  it.each([
    ['src/catalog/x.ts', "import { parseDuration } from '../model';"],
    ['src/import/x.ts', "import { KINDS } from '../catalog';"],
    ['src/app/canvas/x.tsx', "import { ReactFlow } from '@xyflow/react';"],
    ['src/cli/x.ts', "import { readFileSync } from 'node:fs';"],
  ])('allows %s: %s', async (filePath, code) => {
    expect(await violations(filePath, code)).toBe(0);
  });
});
