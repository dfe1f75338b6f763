import { browser, type Browser } from 'wxt/browser';
import {
  isMessageType,
  messages,
  type AnyRequest,
  type MessageType,
  type Request,
  type Response,
} from './messages';

/** Sends a request to the background and validates the answer. */
export async function ask<T extends MessageType>(
  request: Request<T> & { type: T },
): Promise<Response<T>> {
  const answer: unknown = await browser.runtime.sendMessage(request);
  return messages[request.type as T].response.parse(answer) as Response<T>;
}

/** Sends a request to one tab's content script (top frame) and validates the answer. */
export async function tell<T extends MessageType>(
  tabId: number,
  request: Request<T>,
): Promise<Response<T>> {
  const answer: unknown = await browser.tabs.sendMessage(tabId, request, { frameId: 0 });
  return messages[request.type as T].response.parse(answer ?? null) as Response<T>;
}

type Handlers = {
  [T in MessageType]?: (
    request: Request<T>,
    sender: Browser.runtime.MessageSender,
  ) => Promise<Response<T>> | Response<T>;
};

/**
 * Answers the kinds in `handlers`; anything else, or anything malformed, is left
 * unanswered for another listener (and a malformed request is reported).
 */
export function listen(handlers: Handlers, signal?: AbortSignal): void {
  const listener = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
  ): Promise<unknown> | undefined => {
    if (typeof message !== 'object' || message === null || !('type' in message)) return undefined;
    const { type } = message;
    if (!isMessageType(type)) {
      console.warn('Backstory: ignored a message of unknown type', String(type));
      return undefined;
    }
    const parsed = messages[type].request.safeParse(message);
    if (!parsed.success) {
      console.warn('Backstory: ignored a malformed message', parsed.error.issues[0]?.message);
      return undefined;
    }
    const request = parsed.data as AnyRequest;
    const handler = handlers[request.type] as
      ((r: AnyRequest, s: Browser.runtime.MessageSender) => unknown) | undefined;
    return handler ? Promise.resolve(handler(request, sender)) : undefined;
  };
  // The polyfill answers with the promise a listener returns; Chrome's types only know sendResponse.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener(listener);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
