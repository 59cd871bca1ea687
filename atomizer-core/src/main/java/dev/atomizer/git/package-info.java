/**
 * <b>Internal.</b> Everything a repository holds, through JGit ({@code GitRepo}) and the real git binary for remotes ({@code GitCli}); the one package that touches JGit besides {@code startup}. The front ends never use it: they go through the façade.
 */
package dev.atomizer.git;
