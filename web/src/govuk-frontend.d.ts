// govuk-frontend ships no type declarations; these are the parts the app uses.
declare module 'govuk-frontend' {
  export class ErrorSummary {
    constructor(root: Element, config?: { disableAutoFocus?: boolean });
  }
  export class NotificationBanner {
    constructor(root: Element, config?: { disableAutoFocus?: boolean });
  }
  export class ServiceNavigation {
    constructor(root: Element);
  }
  export class Button {
    constructor(root: Element, config?: { preventDoubleClick?: boolean });
  }
}
