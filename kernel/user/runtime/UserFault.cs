using Nooks.Abi;
using Nooks.User;

namespace Internal.Runtime
{
    internal static partial class RuntimeFault
    {
        // There is no unwinder: a failed check ends the program with a message and a status that
        // says so.
        internal static partial void Raise(ExceptionKind kind)
        {
            // Literals only: the failure may be that the heap is exhausted.
            Console.Error("fatal: ");
            Console.Error(ExceptionNames.Of(kind));
            Console.Error("\n");
            Process.Exit(ExitStatus.RuntimeFault);
        }
    }
}
