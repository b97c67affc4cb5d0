import { detectLanguage } from '../language/detect-language';
import type { ScoringPhase } from '../phase';

/** Names the body's language, so the models for it (if any) score it. */
export const language: ScoringPhase = ({ body }) => ({ derived: { language: detectLanguage(body) } });
