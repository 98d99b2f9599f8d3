// One module per screen; the host's UiState.screen picks it. A departure flow adds its screens here.
import * as outOfService from './out-of-service.js';
import * as welcome from './welcome.js';
import * as placePassport from './place-passport.js';
import * as readingChip from './reading-chip.js';
import * as checking from './checking.js';
import * as face from './face.js';
import * as declaration from './declaration.js';
import * as result from './result.js';
import * as currency from './currency.js';
import * as currencyResult from './currency-result.js';
import * as taxFreeResult from './taxfree-result.js';

export const SCREENS = Object.freeze({ outOfService, welcome, placePassport, readingChip, checking, face, declaration, result, currency, currencyResult, taxFreeResult });
