/**
 * <b>Internal.</b> The bot's writes to the main line through the real git: fetch, regenerate, commit, push, retry; the verified ref. The front ends never use it: they go through the façade.
 */
package dev.atomizer.publish;
