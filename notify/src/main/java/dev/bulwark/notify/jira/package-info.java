/**
 * Jira tickets for the gate's findings: {@link dev.bulwark.notify.jira.TicketSync} files, comments on and resolves
 * them through a {@link dev.bulwark.notify.jira.JiraApi} for Jira Cloud (REST v3, Atlassian Document Format,
 * e-mail + API token) or Jira Data Center (REST v2, wiki markup, personal access token).
 *
 * <p>Only {@code java.net.http} and Jackson are used: Atlassian's Java client is not on Maven Central and uses
 * search endpoints Jira Cloud has removed.
 */
package dev.bulwark.notify.jira;
