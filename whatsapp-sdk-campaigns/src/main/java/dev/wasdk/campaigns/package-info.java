/**
 * Marketing campaigns over the pacing sender: an audience streamed from any source, one template or
 * several variants with an A/B test, and every send tracked back to its campaign through {@code
 * biz_opaque_callback_data}.
 *
 * <p>The parts:
 *
 * <ul>
 *   <li>{@link dev.wasdk.campaigns.TrackingTag}: the compact, versioned tag each campaign send
 *       carries, so that a status webhook maps back to its campaign, variant and recipient on any
 *       instance, after any restart, without a lookup table.
 *   <li>{@link dev.wasdk.campaigns.DeliveryTracker}: turns status and inbound-message webhooks into
 *       a {@link dev.wasdk.campaigns.Funnel} per campaign and variant, and calls back on each
 *       failed status with its retry advice. Ordinary sends outside campaigns use it too.
 *   <li>{@link dev.wasdk.campaigns.Campaign}: runs a campaign over a {@link
 *       dev.wasdk.sender.MessageSender}, which keeps applying the limits, consent and frequency
 *       rules; pause, resume, cancel, progress events and snapshots.
 *   <li>{@link dev.wasdk.campaigns.AbTest} and {@link dev.wasdk.campaigns.AbDecision}: the sample,
 *       the metric and the two-proportion test that picks the variant sent to the rest.
 *   <li>{@link dev.wasdk.campaigns.CampaignStore}: where progress lives; {@code
 *       CampaignStore.inMemory()} here, a JDBC backend in {@code whatsapp-sdk-jdbc}.
 * </ul>
 *
 * <p><b>Why a module of its own.</b> Campaigns need both the sender (core) and the webhook events
 * (webhooks), and they bring a store, statistics and reports that an app which only sends and
 * receives messages does not need. Keeping them apart keeps core small and lets the JDBC module
 * offer a campaign store as an optional extra.
 */
package dev.wasdk.campaigns;
