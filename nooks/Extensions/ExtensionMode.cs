namespace Nooks.Extensions
{
    public enum ExtensionMode
    {
        // Imports bound straight to the kernel: no protection, no cost (the baseline).
        Native,
        // Own protection domain; imports bound to checking wrappers; entered only through XPC.
        Isolated,
    }

    public enum ExtensionState
    {
        Loading,
        Running,
        Failed,
        Recovering,
        Disabled,
        Unloaded,
    }

    public static class ExtensionNames
    {
        public static string Of(ExtensionMode mode) => mode == ExtensionMode.Native ? "native" : "isolated";

        public static string Of(ExtensionState state) => state switch
        {
            ExtensionState.Loading => "loading",
            ExtensionState.Running => "running",
            ExtensionState.Failed => "failed",
            ExtensionState.Recovering => "recovering",
            ExtensionState.Disabled => "disabled",
            _ => "unloaded",
        };
    }
}
