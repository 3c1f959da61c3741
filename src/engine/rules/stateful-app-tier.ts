import { remedyFix, componentRule, NO_RESULTS } from './helpers';
import type { Rule } from './types';

export const statefulAppTier: Rule = {
  id: 'stateful-app-tier',
  title: 'An app service keeps session state locally',
  severity: 'high',
  autoFixable: true,
  category: 'topology',
  rationale:
    'Sessions in one instance\'s memory log users out whenever that instance is replaced: every deploy, every scale-in, every failure. They also force sticky sessions, so load spreads unevenly and a zone failure drops everyone pinned there.',
  fix: 'Keep sessions in a shared store (Redis, the database) or in signed tokens, so any instance can serve any request.',
  sources: ['AWS Well-Architected REL11-BP01 (replaceable components)', 'Azure WAF RE:05', 'docs/reliability-reference.md HA-024'],
  // The service's own settings only.
  ...componentRule([], (context) => {
    const { graph } = context;
    return (i) => {
      if (graph.traits[i]!.sessionState !== 'local') return NO_RESULTS;
      return [
        {
          components: [graph.components[i]!.id],
          message: `${context.name(i)} keeps sessions in its instances' memory: users are logged out when an instance goes, and it cannot scale or fail over cleanly.`,
          fix: `Move ${context.name(i)}'s sessions to a shared store or signed tokens, then set session state to external.`,
          autoFix: remedyFix(graph, i, 'external-sessions', `Mark ${context.name(i)}'s session state as external`),
        },
      ];
    };
  }),
};
