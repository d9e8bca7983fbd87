// The local school's tenant id, shared by the local Graph service (GET /organization) and the
// local identity provider (its authority and tokens' `tid`): the seeds do not name one. Kept apart
// so that the Graph service does not load the identity provider (and its certificate code).
export const LOCAL_TENANT_ID = '5c7e0f3a-2b4d-4e6f-8a1c-3d5e7f9b1a2c';
