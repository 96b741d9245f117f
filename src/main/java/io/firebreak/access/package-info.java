/**
 * Who may call the HTTP API and what a request must look like before anything reads it: bearer
 * tokens from the environment (compared in constant time), HMAC-signed webhook bodies, and the
 * content types each route takes. Depends on nothing else of Firebreak's.
 */
package io.firebreak.access;
