// Runs govuk-frontend's JavaScript for one component once React has put its markup in the page.
import { useEffect, type RefObject } from 'react';

type GovukComponent = new (root: Element) => unknown;

// govuk-frontend refuses to initialise an element twice, and React may run an effect again on the
// same element, so the marker attribute govuk-frontend sets is checked first. `dependencies` name
// what makes React render fresh markup that needs initialising.
export function useGovukComponent(
  ref: RefObject<Element | null>,
  Component: GovukComponent,
  moduleName: string,
  dependencies: unknown[] = [],
): void {
  useEffect(() => {
    const root = ref.current;
    if (root && !root.hasAttribute(`data-${moduleName}-init`)) new Component(root);
  }, dependencies);
}
