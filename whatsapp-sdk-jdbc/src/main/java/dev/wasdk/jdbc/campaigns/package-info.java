/**
 * The campaign store on JDBC ({@link dev.wasdk.jdbc.campaigns.JdbcCampaignStore}): a campaign's
 * audience, each recipient's state and the A/B decision in PostgreSQL or H2, so that a campaign
 * resumes after a crash and several app instances work it together.
 *
 * <p>It is an optional extra of this module: it needs {@code whatsapp-sdk-campaigns} on the class
 * or module path, which this module declares as an optional dependency ({@code requires static}).
 */
package dev.wasdk.jdbc.campaigns;
