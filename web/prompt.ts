// The host shell's prompt in the home directory, as the first script shows it before the shell
// has loaded (test/shell checks that it is what the shell shows).
export const FIRST_PROMPT = '\x1b]0;learner@docksim: ~\x07\x1b[01;32mlearner@docksim\x1b[00m:\x1b[01;34m~\x1b[00m$ ';
