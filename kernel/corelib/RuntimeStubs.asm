; Runtime helpers with calling conventions C# cannot express. Linked into every image.
bits 64
section .text

; There is no moving or generational collector, so the write barriers are plain stores.
global RhpAssignRef, RhpCheckedAssignRef, RhpByRefAssignRef
RhpAssignRef:
RhpCheckedAssignRef:
    mov [rdi], rsi
    ret
; Custom convention: copy [rsi] to [rdi], advance both by 8.
RhpByRefAssignRef:
    mov rcx, [rsi]
    mov [rdi], rcx
    add rdi, 8
    add rsi, 8
    ret

; Transitions between managed and native code are no-ops: there is no GC to cooperate with.
global RhpPInvoke, RhpPInvokeReturn, RhpReversePInvoke, RhpReversePInvokeReturn, RhpGcPoll
RhpPInvoke:
RhpPInvokeReturn:
RhpReversePInvoke:
RhpReversePInvokeReturn:
RhpGcPoll:
    ret

; Touch every page between rsp and rax (the lowest address of the new frame), so that a large
; frame hits the guard page below the stack instead of jumping over it.
global RhpStackProbe
RhpStackProbe:
    mov r11, rsp
    and r11, -4096
.next:
    sub r11, 4096
    cmp r11, rax
    jb .done
    test [r11], eax
    jmp .next
.done:
    ret

; Interface dispatch: r11 holds the dispatch cell. Resolve the target through the core library
; (RhpCidResolve) while keeping every argument register, then tail-jump to it.
extern RhpCidResolve
global RhpInitialDynamicInterfaceDispatch
RhpInitialDynamicInterfaceDispatch:
    push rdi
    push rsi
    push rdx
    push rcx
    push r8
    push r9
    push rbp
    mov rbp, rsp
    sub rsp, 128
    and rsp, -16
    movdqu [rsp], xmm0
    movdqu [rsp + 16], xmm1
    movdqu [rsp + 32], xmm2
    movdqu [rsp + 48], xmm3
    movdqu [rsp + 64], xmm4
    movdqu [rsp + 80], xmm5
    movdqu [rsp + 96], xmm6
    movdqu [rsp + 112], xmm7
    ; rdi = object (first argument), rsi = dispatch cell
    mov rsi, r11
    call RhpCidResolve
    movdqu xmm0, [rsp]
    movdqu xmm1, [rsp + 16]
    movdqu xmm2, [rsp + 32]
    movdqu xmm3, [rsp + 48]
    movdqu xmm4, [rsp + 64]
    movdqu xmm5, [rsp + 80]
    movdqu xmm6, [rsp + 96]
    movdqu xmm7, [rsp + 112]
    mov rsp, rbp
    pop rbp
    pop r9
    pop r8
    pop rcx
    pop rdx
    pop rsi
    pop rdi
    jmp rax

section .data
global __security_cookie
__security_cookie: dq 0x2B992DDFA232D0A5
