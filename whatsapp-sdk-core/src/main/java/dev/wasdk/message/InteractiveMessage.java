package dev.wasdk.message;

/**
 * An interactive message ({@code type: interactive}): one of the kinds WhatsApp renders with
 * buttons, lists, links, flows, products or requests.
 *
 * <p>Each kind is started from {@link Message#to(String)}, for example {@code
 * Message.to(phone).buttons()} or {@code Message.to(phone).list()}, and checked in full when it is
 * built. Instances are immutable and thread-safe.
 */
public sealed interface InteractiveMessage extends Message
    permits ReplyButtonsMessage,
        ListMessage,
        CtaUrlMessage,
        FlowMessage,
        ProductMessage,
        ProductListMessage,
        CatalogMessage,
        LocationRequestMessage,
        AddressMessage,
        CallPermissionRequestMessage {}
