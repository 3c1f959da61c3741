import { useState } from 'react';
import type { CompareEntry } from '../../engine/compare';
import { downloadBlob } from '../persistence/file-io';
import type { ProposalFormat } from '../panels/export/proposal-render';

const FORMATS: readonly { id: ProposalFormat; label: string }[] = [
  { id: 'pdf', label: 'PDF' },
  { id: 'docx', label: 'Word' },
  { id: 'html', label: 'HTML' },
];

/**
 * "Proposal of these options": one client proposal presenting the compared designs side by side,
 * the recommended one marked, priced exactly as the comparison is (its cost reports are reused).
 * The proposal code and the PDF and Word libraries load only on a click.
 */
export function OptionsProposalButtons({ entries }: { entries: readonly CompareEntry[] }) {
  const [busy, setBusy] = useState<ProposalFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const make = async (format: ProposalFormat) => {
    setBusy(format);
    setError(null);
    try {
      const [render, { slugOf }] = await Promise.all([import('../panels/export/proposal-render'), import('../../../generators')]);
      const proposal = render.optionsProposal(
        entries.map((e) => ({ design: e.design, ...(e.analysis ? { analysis: e.analysis } : {}), ...(e.cost ? { cost: e.cost } : {}) })),
        [],
        {},
      );
      downloadBlob(`${slugOf(entries[0]!.design.name, 30)}-options-proposal.${format}`, await render.renderProposal(proposal, format));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  };
  return (
    <span className="compare-proposal" data-testid="compare-proposal">
      {' '}Proposal of these options:{' '}
      {FORMATS.map((format) => (
        <button key={format.id} type="button" className="ns-button" disabled={busy !== null} onClick={() => void make(format.id)} data-testid={`compare-proposal-${format.id}`}>
          {busy === format.id ? `Making ${format.label}…` : format.label}
        </button>
      ))}
      {error && <span role="alert"> {error}</span>}
    </span>
  );
}
