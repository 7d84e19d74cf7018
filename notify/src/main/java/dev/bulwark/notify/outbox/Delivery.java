package dev.bulwark.notify.outbox;

/**
 * Sends one outbox message to where its channel leads (Slack, Jira…). It reports what happened rather than
 * throwing: the outbox decides what to do next. A delivery that throws anyway is treated as "retry later".
 */
@FunctionalInterface
public interface Delivery {

    /**
     * Delivers a message.
     *
     * @param payloadJson the payload as it was enqueued
     * @return whether it arrived, should be tried again later, or can never arrive
     */
    DeliveryResult deliver(String payloadJson);
}
