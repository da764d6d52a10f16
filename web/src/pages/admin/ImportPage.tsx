// /admin/import: a legacy system's export (CSV or XLSX) and its mapping (docs/legacy-import.md), checked by
// a dry run first, every problem by row and column; imported only once the check found none, and
// then whole or not at all.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { request } from '../../api';
import { Form, useForm } from '../../components/Form';
import { BackLink, TableHead, usePageTitle } from '../../components/ui';
import type { components } from '../../api-types';

type ImportReport = components['schemas']['ImportReport'];

interface Chosen {
  mapping: File | null;
  csv: File | null;
}

// A workbook goes as its bytes in base64 (the API's `xlsx`); any other file as its text (`csv`).
async function exportField(file: File | null): Promise<{ csv: string } | { xlsx: string }> {
  if (!file) return { csv: '' };
  if (!file.name.toLowerCase().endsWith('.xlsx')) return { csv: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return { xlsx: btoa(binary) };
}

export function ImportPage() {
  usePageTitle('Import complaints from a legacy system');
  const form = useForm();
  const [chosen, setChosen] = useState<Chosen>({ mapping: null, csv: null });
  const [report, setReport] = useState<ImportReport | null>(null);
  // The import is offered only after a clean dry run of the very files chosen.
  const [checked, setChecked] = useState(false);

  const choose = (key: keyof Chosen) => (files: FileList | null) => {
    setChosen((now) => ({ ...now, [key]: files?.[0] ?? null }));
    setChecked(false);
    setReport(null);
  };

  const send = (dryRun: boolean) =>
    form.submit(
      async () => {
        const body = {
          mapping: chosen.mapping ? await chosen.mapping.text() : '',
          ...(await exportField(chosen.csv)),
          file_name: chosen.csv?.name ?? '',
          dry_run: dryRun,
        };
        const answer = await request<ImportReport>('POST', '/imports/complaints', { body });
        setReport(answer.body);
        setChecked(dryRun && answer.body.problems.length === 0);
      },
      dryRun ? 'csv' : '',
    );

  return (
    <>
      <BackLink to="/admin">Administration</BackLink>
      <h1 className="govuk-heading-l">Import complaints from a legacy system</h1>
      <p className="govuk-body">
        Choose the legacy system’s export (CSV, or an XLSX workbook) and the mapping that says which
        column is which and how its codes translate. Check the file first: every problem is listed
        by row and column and nothing is written. Then import it: the whole file, or nothing if any
        row has a problem. Cases imported before are skipped.
      </p>
      <Form
        form={form}
        onSubmit={() => send(true)}
        submitLabel="Check the file"
        secondary={
          checked ? (
            <button
              type="button"
              className="govuk-button govuk-button--warning"
              onClick={() => void send(false)}
            >
              Import the complaints
            </button>
          ) : undefined
        }
      >
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="csv">
            Export (CSV) or workbook (XLSX: its first worksheet)
          </label>
          <input
            className="govuk-file-upload"
            id="csv"
            name="csv"
            type="file"
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => choose('csv')(event.target.files)}
          />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="mapping">
            Mapping (TOML)
          </label>
          <input
            className="govuk-file-upload"
            id="mapping"
            name="mapping"
            type="file"
            accept=".toml,text/plain"
            onChange={(event) => choose('mapping')(event.target.files)}
          />
        </div>
      </Form>
      {report && <ImportResult report={report} />}
    </>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  const imported = report.dry_run
    ? `${report.imported} would be imported`
    : `${report.imported} imported`;
  return (
    <section aria-labelledby="import-result">
      <h2 className="govuk-heading-m" id="import-result">
        {report.dry_run ? 'Check of the file' : 'Import'}
      </h2>
      <p className="govuk-body" id="import-summary">
        {report.rows} rows from {report.system}: {imported}, {report.already_imported} imported
        before (skipped), {report.problems.length} problems.
        {!report.dry_run && report.problems.length > 0 && ' Nothing was imported.'}
      </p>
      {report.problems.length > 0 && (
        <table className="govuk-table" id="import-problems">
          <caption className="govuk-table__caption govuk-table__caption--s">
            Problems to put right in the file or the mapping
          </caption>
          <TableHead headings={['Row', 'Column', 'Problem']} />
          <tbody className="govuk-table__body">
            {report.problems.map((problem, index) => (
              <tr className="govuk-table__row" key={index}>
                <td className="govuk-table__cell">{problem.row}</td>
                <td className="govuk-table__cell">{problem.column}</td>
                <td className="govuk-table__cell">{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.cases.length > 0 && (
        <table className="govuk-table" id="import-cases">
          <caption className="govuk-table__caption govuk-table__caption--s">Cases imported</caption>
          <TableHead headings={['Legacy reference', 'Reference']} />
          <tbody className="govuk-table__body">
            {report.cases.map((found) => (
              <tr className="govuk-table__row" key={found.reference}>
                <td className="govuk-table__cell">{found.legacy_reference}</td>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/cases/${found.reference}`}>
                    {found.reference}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
