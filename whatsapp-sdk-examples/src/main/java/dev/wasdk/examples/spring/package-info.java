/**
 * A Spring Boot 4 application that uses only {@code whatsapp-sdk-spring-boot-starter}: webhook
 * events arrive as Spring application events, and answers go through the auto-configured {@code
 * MessageSender}.
 */
package dev.wasdk.examples.spring;
