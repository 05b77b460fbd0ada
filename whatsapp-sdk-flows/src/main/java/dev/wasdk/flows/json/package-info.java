/**
 * A typed builder for Flow JSON, the definition of a WhatsApp Flow's screens: {@link
 * dev.wasdk.flows.json.FlowJson}, {@link dev.wasdk.flows.json.Screen}, {@link
 * dev.wasdk.flows.json.Component}, {@link dev.wasdk.flows.json.Action}, {@link
 * dev.wasdk.flows.json.ScreenData} and {@link dev.wasdk.flows.json.Ref}. It covers the common
 * components (text, text input, dropdown, radio buttons, checkbox group, date picker, Footer with
 * navigate, data_exchange and complete) and checks references and the routing model at build time.
 */
package dev.wasdk.flows.json;
