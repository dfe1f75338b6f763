import { cardRenderer } from '@/lib/card/card-renderer';
import { publishCardRenderer } from '@/lib/card/card-renderer-api';

// Loaded by the content script on the first card, into the content script's world.
export default defineUnlistedScript(() => publishCardRenderer(cardRenderer));
