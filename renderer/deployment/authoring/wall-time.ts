export { isoToWallTime } from '../../../shared/time/wall-time';
