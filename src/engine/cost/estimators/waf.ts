import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';
import { hours, hoursOf } from './shared';

/**
 * Web application firewall. Per-ACL pricing (AWS WAF: ACL, rules, managed groups, requests)
 * where the catalog has it; a gateway with capacity units (Azure Application Gateway WAF_v2)
 * where that is how the provider charges.
 */
export const waf: Estimator<KindProps<'waf'>> = {
  estimate: (ledger) => {
    const { props, book } = ledger;
    if (!book.has('waf/web-acl') && book.has('waf/gateway')) {
      ledger.charge({ what: 'WAF gateway', key: 'waf/gateway', quantity: hoursOf(1) });
      const units = ledger.usage({ name: 'capacityUnits', label: 'Capacity units', unit: 'units', nature: 'usage', default: 1 });
      if (units) ledger.charge({ what: 'Capacity units', key: 'waf/capacity-unit', quantity: hours(units) });
      return;
    }
    ledger.charge({ what: 'Web ACL', key: 'waf/web-acl', quantity: 1 });
    const rules = ledger.usage({ name: 'rules', label: 'Rules', unit: 'rules', nature: 'provisioned', prop: 'rules', default: 10 });
    if (rules && rules.expected > 0) ledger.charge({ what: props.rateLimiting ? 'Rules (incl. rate-based rules)' : 'Rules', key: 'waf/rule', quantity: rules });
    if (props.managedRules) {
      const groups = ledger.usage({ name: 'managedRuleGroups', label: 'Managed rule groups', unit: 'groups', nature: 'provisioned', default: 2 });
      if (groups && groups.expected > 0) ledger.charge({ what: 'Managed rule groups', key: 'waf/rule-group', quantity: groups });
    }
    const derived = ledger.fromTraffic(1, 'one request each');
    const requests = ledger.usage({ name: 'requestsPerMonth', label: 'Requests inspected', unit: 'requests/month', nature: 'usage', default: 10_000_000, derived });
    if (requests) ledger.charge({ what: 'Requests inspected', key: 'waf/requests', quantity: requests, notes: derived ? [derived.derivation] : undefined });
  },
};
