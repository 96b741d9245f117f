package io.firebreak.notify;

/**
 * A top mention as shown in an alert. Every text field came from the public and is hostile until
 * escaped by the renderer.
 *
 * @param key the Evidence mention key ("source:id")
 */
public record TopPost(String key, String text, String url, String authorHandle, long followers, long shares) {}
