package org.vigil.gateway.alerting;

import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * STOMP over WebSocket at {@code /ws}. The handshake is an HTTP request, so only a
 * logged-in person from this origin can open one; after that, a session may only
 * subscribe to its own alert queue, and clients may send nothing to any destination.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
public class StompConfiguration implements WebSocketMessageBrokerConfigurer {

	/**
	 * What a console subscribes to; the broker resolves it to the session's own user
	 * queue.
	 */
	public static final String OWN_ALERTS = "/user" + AlertFanOut.ALERT_QUEUE;

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		registry.addEndpoint("/ws");
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		registry.enableSimpleBroker("/queue");
		registry.setApplicationDestinationPrefixes("/app");
		registry.setUserDestinationPrefix("/user");
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(new ChannelInterceptor() {

			@Override
			public Message<?> preSend(Message<?> message, MessageChannel channel) {
				StompHeaderAccessor stomp = StompHeaderAccessor.wrap(message);
				StompCommand command = stomp.getCommand();
				if (command == null) {
					return message;
				}
				if (stomp.getUser() == null && command != StompCommand.DISCONNECT) {
					throw new MessageDeliveryException("Log in before connecting");
				}
				if (command == StompCommand.SUBSCRIBE && !OWN_ALERTS.equals(stomp.getDestination())) {
					throw new MessageDeliveryException("You may subscribe only to " + OWN_ALERTS);
				}
				if (command == StompCommand.SEND) {
					throw new MessageDeliveryException("Clients may not send to any destination");
				}
				return message;
			}

		});
	}

}
