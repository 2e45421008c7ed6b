// The web's one way in to what it shares with the server it runs in: the executor's request and
// response, the session cookie's name and the error codes, all declared once on the server side.
export * from '../../../../server/src/web/contract.ts';
