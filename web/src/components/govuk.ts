// Runs govuk-frontend's JavaScript for one component once React has put its markup in the page.
import { useEffect, type RefObject } from 'react';

type GovukComponent = new (root: Element) => unknown;

// The effect runs after every render, since any render may put fresh markup in the page; it is a
// no-op for markup already initialised (govuk-frontend refuses to initialise an element twice and
// marks the ones it did with an attribute, checked first).
export function useGovukComponent(
  ref: RefObject<Element | null>,
  Component: GovukComponent,
  moduleName: string,
): void {
  useEffect(() => {
    const root = ref.current;
    if (root && !root.hasAttribute(`data-${moduleName}-init`)) new Component(root);
  });
}
