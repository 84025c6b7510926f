namespace Nooks.Tools;

// A console expectation that did not come true; the message carries everything the guest said.
public sealed class QemuConsoleException(string message) : Exception(message);
