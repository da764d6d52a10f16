// The shapes of the JSON API under the names the pages use. Every one is an alias of a type that
// `npm run types` generates from the API's one description, src/http/openapi.json, into
// api-types.ts (committed; ctest `web_api_types` fails when it is out of date), so a shape changes
// in the OpenAPI document and nowhere else.
import type { components } from './api-types';

type Schemas = components['schemas'];

export type User = Schemas['SignedInUser'];
export type Session = Schemas['Session'];
export type Person = Schemas['Person'];
export type Remedy = Schemas['Remedy'];
export type Action = Schemas['Action'];
export type Extension = Schemas['Extension'];
export type StageResponse = Schemas['StageResponse'];
export type Stage = Schemas['Stage'];
export type StageProcedure = Schemas['StageProcedure'];
export type TimeLimitEvidence = Schemas['TimeLimitEvidence'];
// When a step of the review panel came against its own clock.
export type StepTiming = NonNullable<StageProcedure['panel_timing']>['meeting'];
export type Event = Schemas['Event'];
export type EventType = Schemas['EventType'];
export type EligibleHandlers = Schemas['EligibleHandlers'];
export type Change = Event['changes'][number];
export type Complaint = Schemas['Complaint'];
export type ComplaintRow = Schemas['ComplaintRow'];
export type ComplaintList = Schemas['ComplaintList'];
export type StatusCounts = Schemas['StatusCounts'];
export type ServiceRequest = Schemas['ServiceRequest'];
export type Team = Schemas['Team'];
export type ServiceArea = Schemas['ServiceArea'];
export type TaxonomyEntry = Schemas['TaxonomyEntry'];
export type ClosureDay = Schemas['ClosureDay'];
export type Designation = Schemas['Designation'];
export type Settings = Schemas['Settings'];
export type SignInOptions = Schemas['SignInOptions'];
export type ProviderLogout = Schemas['ProviderLogout'];
export type OidcSettings = Schemas['OidcSettings'];
export type OidcRoleMapping = Schemas['OidcRoleMapping'];
export type OidcConnectionTest = Schemas['OidcConnectionTest'];
export type Note = Schemas['Note'];
export type Attachment = Schemas['Attachment'];
export type AttachmentPolicy = Schemas['AttachmentPolicy'];
export type Link = Schemas['Link'];
// A field error as the server sends it (always with a code) or as the app's own checks make it
// before sending (no code: the app words those itself); a problem carries either.
type ServerFieldError = NonNullable<Schemas['Problem']['errors']>[number];
export type FieldError = Omit<ServerFieldError, 'code'> & { code?: ServerFieldError['code'] };
export type Problem = Omit<Schemas['Problem'], 'errors'> & { errors?: FieldError[] };
// Why the API refused a field (src/core/result.hpp FieldErrorCode); the app words each itself.
export type FieldErrorCode = Schemas['FieldErrorCode'];
// The signed-in user (GET /session), with every permission their role has.
export type CurrentUser = Schemas['CurrentUser'];
// What a role may do: the server's role table (src/core/permissions.cpp), told to the app with the
// signed-in user so that it keeps no copy of it.
export type Permission = Schemas['Permission'];
// The actions on a complaint, one endpoint each (POST /complaints/{reference}/<action>).
export type CaseActionName = Schemas['CaseAction'];

// The enumerations the document writes inline, named here after the field that carries them.
export type Role = User['role'];
export type ReminderDigest = User['reminder_digest'];
export type Regime = Complaint['regime'];
export type Channel = Complaint['channel'];
export type Status = Complaint['status'];
export type Outcome = StageResponse['outcome'];
export type RemedyType = Remedy['type'];
export type Letter = Schemas['Letter'];
export type LetterPreview = Schemas['LetterPreview'];
export type LetterTemplate = Schemas['LetterTemplate'];
export type OmbudsmanContact = Schemas['OmbudsmanContact'];
export type OfficeHours = Schemas['OfficeHours'];
export type MailSettings = Schemas['MailSettings'];
export type LetterType = Schemas['LetterType'];
export type LetterPartName = Schemas['LetterPartName'];
export type LetterDelivery = Schemas['LetterDelivery'];
export type PrintBatch = Schemas['PrintBatch'];
export type PrintBatchLetter = Schemas['PrintBatchLetter'];
export type MarkPrintedResult = Schemas['MarkPrintedResult'];
export type ReminderDigestList = Schemas['ReminderDigestList'];
export type ReminderDigestSummary = Schemas['ReminderDigestSummary'];
export type AnnualSubmission = Schemas['AnnualSubmission'];
export type AnnualSubmissionStatus = AnnualSubmission['status'];
export type AnnualSubmissionDetails = Schemas['AnnualSubmissionDetails'];
export type SavedView = Schemas['SavedView'];
export type ContactPreferences = Schemas['ContactPreferences'];
export type RetentionRule = Schemas['RetentionRule'];
export type RetentionHold = Schemas['RetentionHold'];
export type HoldKind = RetentionHold['kind'];
export type DisposalRunSummary = Schemas['DisposalRunSummary'];
export type DisposalRun = Schemas['DisposalRun'];
export type DisposalRunState = DisposalRun['state'];
export type DisposalItem = DisposalRun['items'][number];
export type KeptBecause = DisposalItem['kept_because'][number];
