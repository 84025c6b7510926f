using System.Runtime.CompilerServices;

namespace System
{
    // Layout fixed by ILC: the element count follows the MethodTable pointer.
    public abstract class Array
    {
#pragma warning disable 649
        private int _numComponents;
#pragma warning restore 649
        public int Length => _numComponents;
    }

    // ILC's name for the type behind T[]; it carries the generic interface implementations.
    public class Array<T> : Array, System.Collections.IEnumerable { }
}
