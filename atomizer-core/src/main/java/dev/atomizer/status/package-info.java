/**
 * <b>Internal.</b> {@code PROJECT_STATUS.md}: the project slugs lint needs and the tables the dashboards read. The front ends never use it: they go through the façade.
 */
package dev.atomizer.status;
