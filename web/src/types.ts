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
export type Note = Schemas['Note'];
export type Link = Schemas['Link'];
export type Problem = Schemas['Problem'];
export type FieldError = NonNullable<Problem['errors']>[number];

// The enumerations the document writes inline, named here after the field that carries them.
export type Role = User['role'];
export type Regime = Complaint['regime'];
export type Channel = Complaint['channel'];
export type Status = Complaint['status'];
export type Outcome = StageResponse['outcome'];
export type RemedyType = Remedy['type'];
