/** The JDBC stores' plumbing: connection borrowing, query timeouts, and the schema migrator. */
package dev.wasdk.internal.jdbc;
