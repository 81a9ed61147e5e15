export { default, metadata } from '../../en/not-found';
