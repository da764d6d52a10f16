// /ombudsman/failure-orders: the Housing Ombudsman's Complaint Handling Failure Orders: the list,
// recording one, and recording whether the council complied.
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, getItems, request } from '../../api';
import { ClientErrors, Form, useForm } from '../../components/Form';
import {
  DateInput,
  datePartsOf,
  Radios,
  Select,
  Textarea,
  TextInput,
  type DateParts,
} from '../../components/fields';
import {
  BackLink,
  DateText,
  LoadFailed,
  Loading,
  SuccessBanner,
  SummaryList,
  TableHead,
  Tag,
  usePageTitle,
} from '../../components/ui';
import { useLoad } from '../../data';
import { Checks, optionalText } from '../case/checks';
import { inPlainWords } from './caseForm';
import type { ChfoGround, ChfoOutcome, ChfoType, FailureOrder } from './model';
import { NotAllowed, useCanManage } from './NotAllowed';
import { CHFO_GROUND_LABELS, CHFO_OUTCOME_LABELS, CHFO_TYPE_LABELS, optionsOf } from './wording';

const HTTP_PRECONDITION_FAILED = 412;
const STALE_MESSAGE =
  'Someone else changed this order while you were editing it. The form now shows the latest version: check it and make your changes again.';
const LIST_PATH = '/ombudsman/failure-orders';

interface OrderVersion {
  order: FailureOrder;
  etag: string;
}

async function loadOrder(reference: string): Promise<OrderVersion> {
  const { body, etag } = await request<FailureOrder>(
    'GET',
    `${LIST_PATH}/${encodeURIComponent(reference)}`,
  );
  return { order: body, etag: etag ?? `"${body.version}"` };
}

function OutcomeTag({ order }: { order: FailureOrder }) {
  if (order.overdue) return <Tag colour="red">Overdue</Tag>;
  const colours: Record<ChfoOutcome, string> = {
    pending: 'blue',
    complied: 'green',
    not_complied: 'orange',
  };
  return <Tag colour={colours[order.outcome]}>{CHFO_OUTCOME_LABELS[order.outcome]}</Tag>;
}

export function FailureOrderList() {
  usePageTitle('Complaint Handling Failure Orders');
  const canManage = useCanManage();
  const done = (useLocation().state as { done?: string } | null)?.done;
  const orders = useLoad(() => getItems<FailureOrder>(LIST_PATH), 'failure-orders');
  return (
    <>
      <BackLink to="/ombudsman">Ombudsman cases</BackLink>
      {done && (
        <SuccessBanner title={done}>
          <p className="govuk-body">The change is in the audit trail.</p>
        </SuccessBanner>
      )}
      <h1 className="govuk-heading-l">Complaint Handling Failure Orders</h1>
      <p className="govuk-body">
        Orders the Housing Ombudsman issues when the council’s complaint handling fails, and whether
        the council complied.
      </p>
      {canManage && (
        <p className="govuk-body">
          <Link
            className="govuk-button"
            role="button"
            draggable="false"
            data-module="govuk-button"
            to={`${LIST_PATH}/new`}
          >
            Record a failure order
          </Link>
        </p>
      )}
      {orders.error && <LoadFailed message={orders.error} />}
      {!orders.data && !orders.error && <Loading />}
      {orders.data?.length === 0 && <p className="govuk-body">No failure orders recorded.</p>}
      {orders.data && orders.data.length > 0 && (
        <div className="redress-table-scroll">
          <table className="govuk-table" id="failure-orders">
            <caption className="govuk-visually-hidden">Complaint Handling Failure Orders</caption>
            <TableHead
              headings={[
                'Order',
                'Their reference',
                'Type',
                'What it requires',
                'Issued',
                'Due',
                'Outcome',
              ]}
            />
            <tbody className="govuk-table__body">
              {orders.data.map((order) => (
                <tr className="govuk-table__row" key={order.reference}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`${LIST_PATH}/${order.reference}`}>
                      {order.reference}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{order.ombudsman_reference || 'Not known'}</td>
                  <td className="govuk-table__cell">{CHFO_TYPE_LABELS[order.type]}</td>
                  <td className="govuk-table__cell">{order.description}</td>
                  <td className="govuk-table__cell">
                    <DateText iso={order.issued_on} />
                  </td>
                  <td className="govuk-table__cell">
                    <DateText iso={order.due_on} />
                  </td>
                  <td className="govuk-table__cell">
                    <OutcomeTag order={order} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

interface OrderDraft {
  ombudsman_case: string;
  ombudsman_reference: string;
  type: ChfoType | '';
  ground: ChfoGround | '';
  description: string;
  issued_on: DateParts;
  due_on: DateParts;
  outcome: ChfoOutcome;
  complied_on: DateParts;
}

const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

function draftOf(order: FailureOrder | null, ombudsmanCase: string): OrderDraft {
  return {
    ombudsman_case: order?.ombudsman_case ?? ombudsmanCase,
    ombudsman_reference: order?.ombudsman_reference ?? '',
    type: order?.type ?? '',
    ground: order?.ground ?? '',
    description: order?.description ?? '',
    issued_on: order ? datePartsOf(order.issued_on) : { ...EMPTY_DATE },
    due_on: order ? datePartsOf(order.due_on) : { ...EMPTY_DATE },
    outcome: order?.outcome ?? 'pending',
    complied_on: order?.complied_on ? datePartsOf(order.complied_on) : { ...EMPTY_DATE },
  };
}

function bodyOf(draft: OrderDraft): Record<string, unknown> {
  const checks = new Checks();
  const example = 'for example 27 3 2022';
  const issued = checks.date('issued_on', draft.issued_on, `the date it was issued (${example})`);
  const due = checks.date('due_on', draft.due_on, `the date it is due (${example})`);
  const complied = checks.optionalDate(
    'complied_on',
    draft.complied_on,
    `the date the council complied (${example})`,
  );
  checks.done();
  return {
    ...optionalText('ombudsman_case', draft.ombudsman_case.toUpperCase()),
    ombudsman_reference: draft.ombudsman_reference.trim(),
    ...(draft.type ? { type: draft.type } : {}),
    ...(draft.ground ? { ground: draft.ground } : {}),
    description: draft.description.trim(),
    issued_on: issued,
    due_on: due,
    outcome: draft.outcome,
    ...(complied ? { complied_on: complied } : {}),
  };
}

function OrderForm({ base, ombudsmanCase }: { base: OrderVersion | null; ombudsmanCase: string }) {
  const form = useForm();
  const navigate = useNavigate();
  const [version, setVersion] = useState(base);
  const [draft, setDraft] = useState(() => draftOf(base?.order ?? null, ombudsmanCase));
  const set =
    <K extends keyof OrderDraft>(key: K) =>
    (value: OrderDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const save = () =>
    form.submit(async () => {
      const body = bodyOf(draft);
      if (!version) {
        const created = await inPlainWords(
          () => request<FailureOrder>('POST', LIST_PATH, { body }),
          'description',
        );
        navigate(`${LIST_PATH}/${created.body.reference}`, {
          state: { done: `Failure order ${created.body.reference} recorded` },
        });
        return;
      }
      const reference = version.order.reference;
      try {
        await inPlainWords(
          () =>
            request('PUT', `${LIST_PATH}/${encodeURIComponent(reference)}`, {
              body,
              ifMatch: version.etag,
            }),
          'description',
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === HTTP_PRECONDITION_FAILED) {
          const fresh = await loadOrder(reference);
          setVersion(fresh);
          setDraft(draftOf(fresh.order, ''));
          throw new ClientErrors([{ field: '', message: STALE_MESSAGE }]);
        }
        throw error;
      }
      navigate(`${LIST_PATH}/${reference}`, {
        state: { done: `Failure order ${reference} updated` },
      });
    }, 'description');
  const cancelTo = version ? `${LIST_PATH}/${version.order.reference}` : LIST_PATH;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Form
          form={form}
          onSubmit={save}
          submitLabel={version ? 'Save changes' : 'Record failure order'}
          secondary={
            <Link className="govuk-link" to={cancelTo}>
              Cancel
            </Link>
          }
        >
          {version && <span className="govuk-caption-l">{version.order.reference}</span>}
          <h1 className="govuk-heading-l">
            {version ? 'Change failure order' : 'Record a Complaint Handling Failure Order'}
          </h1>
          <TextInput
            name="ombudsman_case"
            label="Ombudsman case in Redress (optional)"
            hint="For example OMB-2022-000001"
            spellCheck={false}
            widthClass="govuk-input--width-20"
            value={draft.ombudsman_case}
            onChange={set('ombudsman_case')}
          />
          <TextInput
            name="ombudsman_reference"
            label="The Ombudsman’s reference"
            spellCheck={false}
            widthClass="govuk-input--width-20"
            value={draft.ombudsman_reference}
            onChange={set('ombudsman_reference')}
          />
          <Radios
            name="type"
            label="Type of order"
            value={draft.type}
            options={optionsOf(CHFO_TYPE_LABELS)}
            onChange={(v) => set('type')(v as ChfoType)}
          />
          <Select
            name="ground"
            label="Ground"
            placeholder="Choose the ground"
            value={draft.ground}
            options={optionsOf(CHFO_GROUND_LABELS)}
            onChange={(v) => set('ground')(v as ChfoGround)}
          />
          <Textarea
            name="description"
            label="What the order requires"
            rows={3}
            value={draft.description}
            onChange={set('description')}
          />
          <DateInput
            name="issued_on"
            label="Issued on"
            value={draft.issued_on}
            onChange={set('issued_on')}
          />
          <DateInput name="due_on" label="Due by" value={draft.due_on} onChange={set('due_on')} />
          <Radios
            name="outcome"
            label="Compliance"
            small
            value={draft.outcome}
            options={optionsOf(CHFO_OUTCOME_LABELS)}
            onChange={(v) => set('outcome')(v as ChfoOutcome)}
          />
          <DateInput
            name="complied_on"
            label="Complied on"
            hint="Only when the council complied"
            value={draft.complied_on}
            onChange={set('complied_on')}
          />
        </Form>
      </div>
    </div>
  );
}

export function FailureOrderNew() {
  usePageTitle('Record a failure order');
  const [params] = useSearchParams();
  if (!useCanManage()) return <NotAllowed />;
  return (
    <>
      <BackLink to={LIST_PATH}>Complaint Handling Failure Orders</BackLink>
      <OrderForm base={null} ombudsmanCase={params.get('case') ?? ''} />
    </>
  );
}

export function FailureOrderEdit() {
  const { reference = '' } = useParams();
  usePageTitle(`Change failure order ${reference}`);
  const canManage = useCanManage();
  const loaded = useLoad(() => loadOrder(reference), reference);
  if (!canManage) return <NotAllowed />;
  return (
    <>
      <BackLink to={`${LIST_PATH}/${reference}`}>Failure order {reference}</BackLink>
      {loaded.error && <LoadFailed message={loaded.error} />}
      {!loaded.data && !loaded.error && <Loading />}
      {loaded.data && <OrderForm base={loaded.data} ombudsmanCase="" />}
    </>
  );
}

export function FailureOrderView() {
  const { reference = '' } = useParams();
  usePageTitle(`Failure order ${reference}`);
  const location = useLocation();
  const canManage = useCanManage();
  const done = (location.state as { done?: string } | null)?.done;
  const loaded = useLoad(() => loadOrder(reference), `${reference}/${location.key}`);
  const order = loaded.data?.order;
  return (
    <>
      <BackLink to={LIST_PATH}>Complaint Handling Failure Orders</BackLink>
      {done && (
        <SuccessBanner title={done}>
          <p className="govuk-body">The change is in the audit trail.</p>
        </SuccessBanner>
      )}
      {loaded.error && <LoadFailed message={loaded.error} />}
      {!loaded.data && !loaded.error && <Loading />}
      {order && (
        <>
          <span className="govuk-caption-l">{order.reference}</span>
          <h1 className="govuk-heading-l">Complaint Handling Failure Order</h1>
          <p className="govuk-body">
            <OutcomeTag order={order} />
          </p>
          {canManage && (
            <p className="govuk-body">
              <Link
                className="govuk-button"
                role="button"
                draggable="false"
                data-module="govuk-button"
                to={`${LIST_PATH}/${order.reference}/edit`}
              >
                Edit failure order
              </Link>
            </p>
          )}
          <SummaryList
            id="failure-order-details"
            rows={[
              {
                key: 'Ombudsman case',
                value: order.ombudsman_case ? (
                  <Link className="govuk-link" to={`/ombudsman/cases/${order.ombudsman_case}`}>
                    {order.ombudsman_case}
                  </Link>
                ) : (
                  'None'
                ),
              },
              { key: 'Their reference', value: order.ombudsman_reference || 'Not known' },
              { key: 'Type', value: CHFO_TYPE_LABELS[order.type] },
              { key: 'Ground', value: CHFO_GROUND_LABELS[order.ground] },
              {
                key: 'What it requires',
                value: <span className="redress-note-text">{order.description}</span>,
              },
              { key: 'Issued on', value: <DateText iso={order.issued_on} /> },
              { key: 'Due by', value: <DateText iso={order.due_on} /> },
              {
                key: 'Compliance',
                value: CHFO_OUTCOME_LABELS[order.outcome] + (order.overdue ? ' (overdue)' : ''),
              },
              { key: 'Complied on', value: <DateText iso={order.complied_on} /> },
            ]}
          />
        </>
      )}
    </>
  );
}
