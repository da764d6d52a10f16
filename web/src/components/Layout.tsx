// The page frame: skip link, header, service navigation, main content, footer.
import { ServiceNavigation } from 'govuk-frontend';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { allows } from '../permissions';
import { useSession } from '../session';
import type { CurrentUser } from '../types';
import { useGovukComponent } from './govuk';

interface NavItem {
  to: string;
  label: string;
  // Which paths count as inside this section, for the current-page marker.
  matches: (path: string) => boolean;
  // The history state the link navigates with.
  state?: unknown;
}

function navItems(user: CurrentUser): NavItem[] {
  const items: NavItem[] = [
    { to: '/', label: 'Home', matches: (path) => path === '/' },
    {
      to: '/cases',
      label: 'Cases',
      matches: (path) => path.startsWith('/cases') && path !== '/cases/new',
      // The case list opens on the last filters applied (CaseList).
      state: { restoreFilters: true },
    },
  ];
  if (allows(user, 'log_complaint')) {
    items.push({
      to: '/cases/new',
      label: 'Log a complaint',
      matches: (path) => path === '/cases/new',
    });
  }
  items.push({
    to: '/ombudsman',
    label: 'Ombudsman',
    matches: (path) => path.startsWith('/ombudsman'),
  });
  items.push({
    to: '/learning',
    label: 'Learning',
    matches: (path) => path.startsWith('/learning'),
  });
  if (allows(user, 'view_reports')) {
    items.push({
      to: '/reports',
      label: 'Reports',
      matches: (path) => path.startsWith('/reports'),
    });
    items.push({
      to: '/self-assessment',
      label: 'Self-assessment',
      matches: (path) => path.startsWith('/self-assessment'),
    });
    items.push({
      to: '/annual-submission',
      label: 'Annual submission',
      matches: (path) => path.startsWith('/annual-submission'),
    });
  }
  if (allows(user, 'manage_subject_access')) {
    items.push({
      to: '/subject-access',
      label: 'Subject access',
      matches: (path) => path.startsWith('/subject-access'),
    });
    items.push({
      to: '/people',
      label: 'People',
      matches: (path) => path.startsWith('/people'),
    });
  }
  if (allows(user, 'acknowledge')) {
    items.push({
      to: '/post-room',
      label: 'Post room',
      matches: (path) => path.startsWith('/post-room'),
    });
  }
  if (allows(user, 'view_audit')) {
    items.push({
      to: '/reminders',
      label: 'Reminders',
      matches: (path) => path.startsWith('/reminders'),
    });
  }
  if (allows(user, 'manage_users')) {
    items.push({
      to: '/admin',
      label: 'Administration',
      matches: (path) => path.startsWith('/admin'),
    });
  }
  return items;
}

function SignOutButton() {
  const { signOut } = useSession();
  return (
    <button
      type="button"
      className="govuk-service-navigation__link redress-link-button"
      onClick={() => void signOut()}
    >
      Sign out
    </button>
  );
}

function Navigation({ user }: { user: CurrentUser }) {
  const ref = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  useGovukComponent(ref, ServiceNavigation, 'govuk-service-navigation');
  return (
    <section
      aria-label="Service information"
      className="govuk-service-navigation"
      data-module="govuk-service-navigation"
      ref={ref}
    >
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <span className="govuk-service-navigation__service-name">
            <Link to="/" className="govuk-service-navigation__link">
              Complaints
            </Link>
          </span>
          <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
            <button
              type="button"
              className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
              aria-controls="navigation"
              hidden
              aria-hidden="true"
            >
              Menu
            </button>
            <ul className="govuk-service-navigation__list" id="navigation">
              {navItems(user).map((item) => {
                const current = item.matches(pathname);
                return (
                  <li
                    key={item.to}
                    className={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}
                  >
                    <Link
                      className="govuk-service-navigation__link"
                      to={item.to}
                      state={item.state}
                      aria-current={current ? 'page' : undefined}
                    >
                      {current ? (
                        <strong className="govuk-service-navigation__active-fallback">
                          {item.label}
                        </strong>
                      ) : (
                        item.label
                      )}
                    </Link>
                  </li>
                );
              })}
              <li className="govuk-service-navigation__item redress-nav-user">
                <span className="govuk-service-navigation__text">{user.display_name}</span>
              </li>
              <li className="govuk-service-navigation__item">
                <SignOutButton />
              </li>
            </ul>
          </nav>
        </div>
      </div>
    </section>
  );
}

export function Layout({ user, children }: { user: CurrentUser | null; children: ReactNode }) {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const first = useRef(true);
  // After a client-side navigation focus starts at the new page's content, as after a page load
  // a screen reader starts at the top; the skip link is one Shift+Tab away.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <header className="govuk-template__header">
        <div className="govuk-generic-header">
          <div className="govuk-generic-header__container govuk-width-container">
            <div className="govuk-generic-header__logo">
              <Link to="/" className="govuk-generic-header__homepage-link">
                Redress
              </Link>
            </div>
          </div>
        </div>
        {user && <Navigation user={user} />}
      </header>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1} ref={mainRef}>
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <p className="govuk-body-s">
                Redress: complaints management. Internal notes and case records are for council
                staff only.
              </p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
