import { cardRenderer } from '@/lib/ui/card-renderer';
import { publishCardRenderer } from '@/lib/ui/card-renderer-api';

// Loaded by the content script on the first card, into the content script's world.
export default defineUnlistedScript(() => publishCardRenderer(cardRenderer));
