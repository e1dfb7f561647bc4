<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
    <context>
        <name />
        <message>
            <source>LessonsDock</source>
            <comment>Each lesson explains one idea, then walks you through it on an example; the app checks each step as you train.</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>Open lesson</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>Reset progress</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>Forget which steps are done: every lesson starts again unticked</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>All lessons</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>The idea</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>The formula</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>Intuition</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>Show me</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>Let the app do what the step says to open or look at</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>Do it for me</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>Make the step's change to the network (one step of Edit ▸ Undo)</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>Previous</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>Next</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>Lesson {n} · {group}</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>Step {k} of {n}</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The example {name} is missing from {folder}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your network has unsaved changes, so the example opened in a new window; yours is as you left it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opened the example {name}</source>
            <translation>예제 {name}을(를) 열었습니다</translation>
        </message>
        <message>
            <source>There is no node '{node}' in this network: open the lesson's example (Show me on the first step).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The {view} view has nothing to show here: {why}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The {view} view shows nothing for the selected node: {what}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>this network has no Conv2D or pooling layer</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>this network has no Softmax layer</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>this network has no activation layer (Sigmoid, Tanh, ReLU, LeakyReLU, ELU)</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>the decision boundary needs a network with 2 inputs</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>the fitted curve needs a network with 1 input</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LessonsDock</source>
            <comment>the confusion matrix needs a classifier</comment>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <source>&amp;New</source>
            <translation>새로 만들기(&amp;N)</translation>
        </message>
        <message>
            <source>Start an empty network</source>
            <translation>빈 신경망으로 시작합니다</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>열기(&amp;O)…</translation>
        </message>
        <message>
            <source>Open a network file</source>
            <translation>신경망 파일을 엽니다</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>저장(&amp;S)</translation>
        </message>
        <message>
            <source>Save the network</source>
            <translation>신경망을 저장합니다</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>다른 이름으로 저장(&amp;A)…</translation>
        </message>
        <message>
            <source>Save the network to another file</source>
            <translation>신경망을 다른 파일로 저장합니다</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>종료(&amp;Q)</translation>
        </message>
        <message>
            <source>Close Netwright</source>
            <translation>Netwright를 닫습니다</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>실행 취소(&amp;U)</translation>
        </message>
        <message>
            <source>Undo the last edit</source>
            <translation>마지막 편집을 취소합니다</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>다시 실행(&amp;R)</translation>
        </message>
        <message>
            <source>Redo the edit just undone</source>
            <translation>방금 취소한 편집을 다시 실행합니다</translation>
        </message>
        <message>
            <source>&amp;Train</source>
            <translation>학습(&amp;T)</translation>
        </message>
        <message>
            <source>Start training the network</source>
            <translation>신경망 학습을 시작합니다</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>일시정지(&amp;P)</translation>
        </message>
        <message>
            <source>Pause training</source>
            <translation>학습을 일시정지합니다</translation>
        </message>
        <message>
            <source>S&amp;tep</source>
            <translation>한 단계(&amp;T)</translation>
        </message>
        <message>
            <source>Train one batch and stop</source>
            <translation>배치 하나만 학습하고 멈춥니다</translation>
        </message>
        <message>
            <source>St&amp;op</source>
            <translation>중지(&amp;O)</translation>
        </message>
        <message>
            <source>Stop training</source>
            <translation>학습을 중지합니다</translation>
        </message>
        <message>
            <source>&amp;Reset weights</source>
            <translation>가중치 초기화(&amp;R)</translation>
        </message>
        <message>
            <source>Draw new initial weights (next seed)</source>
            <translation>초기 가중치를 새로 뽑습니다 (다음 시드)</translation>
        </message>
        <message>
            <source>&amp;About Netwright</source>
            <translation>Netwright 정보(&amp;A)</translation>
        </message>
        <message>
            <source>What Netwright is</source>
            <translation>Netwright 소개</translation>
        </message>
    </context>
    <context>
        <name>Canvas</name>
        <message>
            <source>&amp;Delete</source>
            <translation>삭제(&amp;D)</translation>
        </message>
        <message>
            <source>Delete the selected nodes and wires</source>
            <translation>선택한 노드와 연결을 삭제합니다</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>복사(&amp;C)</translation>
        </message>
        <message>
            <source>Copy the selected nodes and the wires between them</source>
            <translation>선택한 노드와 그 사이의 연결을 복사합니다</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>잘라내기(&amp;T)</translation>
        </message>
        <message>
            <source>Cut the selected nodes</source>
            <translation>선택한 노드를 잘라냅니다</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>붙여넣기(&amp;P)</translation>
        </message>
        <message>
            <source>Paste nodes from the clipboard</source>
            <translation>클립보드의 노드를 붙여넣습니다</translation>
        </message>
        <message>
            <source>D&amp;uplicate</source>
            <translation>복제(&amp;U)</translation>
        </message>
        <message>
            <source>Duplicate the selected nodes</source>
            <translation>선택한 노드를 복제합니다</translation>
        </message>
        <message>
            <source>Select &amp;All</source>
            <translation>모두 선택(&amp;A)</translation>
        </message>
        <message>
            <source>Select every node</source>
            <translation>모든 노드를 선택합니다</translation>
        </message>
        <message>
            <source>&amp;Fit to View</source>
            <translation>화면에 맞추기(&amp;F)</translation>
        </message>
        <message>
            <source>Show the whole network</source>
            <translation>신경망 전체를 보여 줍니다</translation>
        </message>
        <message>
            <source>&amp;Auto Layout</source>
            <translation>자동 배치(&amp;A)</translation>
        </message>
        <message>
            <source>Arrange the nodes left to right by depth (undoable)</source>
            <translation>노드를 깊이에 따라 왼쪽에서 오른쪽으로 배치합니다 (실행 취소 가능)</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>확대(&amp;I)</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>확대</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>축소(&amp;O)</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>축소</translation>
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message>
            <source>Add {type} '{id}'</source>
            <translation>{type} '{id}' 추가</translation>
        </message>
        <message>
            <source>1 node</source>
            <translation>노드 1개</translation>
        </message>
        <message>
            <source>{n} nodes</source>
            <translation>노드 {n}개</translation>
        </message>
        <message>
            <source>1 wire</source>
            <translation>연결 1개</translation>
        </message>
        <message>
            <source>{n} wires</source>
            <translation>연결 {n}개</translation>
        </message>
        <message>
            <source>Delete {nodes} and {wires}</source>
            <translation>{nodes}와 {wires} 삭제</translation>
        </message>
        <message>
            <source>Delete {items}</source>
            <translation>{items} 삭제</translation>
        </message>
        <message>
            <source>Delete nothing</source>
            <translation>삭제할 것 없음</translation>
        </message>
        <message>
            <source>Set {name} of '{id}'</source>
            <translation>'{id}'의 {name} 설정</translation>
        </message>
        <message>
            <source>Move 1 node</source>
            <translation>노드 1개 이동</translation>
        </message>
        <message>
            <source>Move {n} nodes</source>
            <translation>노드 {n}개 이동</translation>
        </message>
        <message>
            <source>Auto layout</source>
            <translation>자동 배치</translation>
        </message>
        <message>
            <source>Wire '{src}' -&gt; '{dst}'</source>
            <translation>'{src}' -&gt; '{dst}' 연결</translation>
        </message>
        <message>
            <source>Delete wire '{src}' -&gt; '{dst}'</source>
            <translation>'{src}' -&gt; '{dst}' 연결 삭제</translation>
        </message>
        <message>
            <source>Set {field}</source>
            <translation>{field} 설정</translation>
        </message>
        <message>
            <source>Change training settings</source>
            <translation>학습 설정 변경</translation>
        </message>
        <message>
            <source>Paste</source>
            <translation>붙여넣기</translation>
        </message>
        <message>
            <source>Rename '{old}' to '{new}'</source>
            <translation>'{old}'의 이름을 '{new}'(으)로 변경</translation>
        </message>
    </context>
    <context>
        <name>Files</name>
        <message>
            <source>Netwright networks (*.nw.json);;JSON files (*.json);;All files (*)</source>
            <translation>Netwright 신경망 (*.nw.json);;JSON 파일 (*.json);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>Cannot open {name}</source>
            <translation>{name}을(를) 열 수 없습니다</translation>
        </message>
        <message>
            <source>Opened {path}</source>
            <translation>{path}을(를) 열었습니다</translation>
        </message>
        <message>
            <source>Opened the example {name}</source>
            <translation>예제 {name}을(를) 열었습니다</translation>
        </message>
        <message>
            <source>Open network</source>
            <translation>신경망 열기</translation>
        </message>
        <message>
            <source>File not found</source>
            <translation>파일을 찾을 수 없습니다</translation>
        </message>
        <message>
            <source>{path} no longer exists; it was removed from the recent files.</source>
            <translation>{path}이(가) 더 이상 없어 최근 파일 목록에서 뺐습니다.</translation>
        </message>
        <message>
            <source>Save network as</source>
            <translation>신경망을 다른 이름으로 저장</translation>
        </message>
        <message>
            <source>Cannot save</source>
            <translation>저장할 수 없습니다</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>{path}에 저장했습니다</translation>
        </message>
        <message>
            <source>Keep the data paths from the new folder</source>
            <translation>새 폴더 기준으로 데이터 경로 유지</translation>
        </message>
        <message>
            <source>{path} is read-only, so it was not changed.

Save the network under another name with Save As, or make the file writable and save again.</source>
            <translation>{path}은(는) 읽기 전용이라 바꾸지 않았습니다.

다른 이름으로 저장으로 다른 파일에 저장하거나, 파일을 쓰기 가능하게 바꾼 뒤 다시 저장하세요.</translation>
        </message>
        <message>
            <source>Read-only file</source>
            <translation>읽기 전용 파일</translation>
        </message>
        <message>
            <source>Save As…</source>
            <translation>다른 이름으로 저장…</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>제목 없음</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>저장하지 않은 변경 사항</translation>
        </message>
        <message>
            <source>Save the changes to {name} before closing it?</source>
            <translation>{name}을(를) 닫기 전에 변경 사항을 저장할까요?</translation>
        </message>
        <message>
            <source>Autosave failed: {error}</source>
            <translation>자동 저장 실패: {error}</translation>
        </message>
        <message>
            <source>Restore unsaved work?</source>
            <translation>저장하지 않은 작업을 복원할까요?</translation>
        </message>
        <message>
            <source>Netwright did not close properly last time. Restore the unsaved network {name}?</source>
            <translation>지난번에 Netwright가 정상적으로 종료되지 않았습니다. 저장하지 않은 신경망 {name}을(를) 복원할까요?</translation>
        </message>
        <message>
            <source>Restored the unsaved network</source>
            <translation>저장하지 않은 신경망을 복원했습니다</translation>
        </message>
        <message>
            <source>The recovery file could not be kept: {error}</source>
            <translation>복구 파일을 보관할 수 없습니다: {error}</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <translation>언어(&amp;L)</translation>
        </message>
        <message>
            <source>System ({language})</source>
            <translation>시스템 설정 ({language})</translation>
        </message>
        <message>
            <source>Language saved.</source>
            <translation>언어를 저장했습니다.</translation>
        </message>
        <message>
            <source>Language saved: it takes effect the next time Netwright starts.</source>
            <translation>언어를 저장했습니다: Netwright를 다음에 시작할 때 적용됩니다.</translation>
        </message>
    </context>
    <context>
        <name>LessonsDock</name>
        <message>
            <source>Lesson step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Basics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Losses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Optimisation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CNNs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{done} of {steps} steps done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>These lesson files could not be read:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Race optimizers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This network has no training section: choose its data first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loss</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Accuracy / error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Learning rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loss of this run and earlier runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gradient norms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Weight matrix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Histograms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Feature maps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Activation curve</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Softmax probabilities</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unit maps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Convolution by hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Decision boundary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fitted curve</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confusion matrix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loss surface</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Network health</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One sample forward and backward</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Press Train to start; loss curves and views appear here</source>
            <translation>학습을 누르면 시작합니다. 손실 곡선과 뷰가 여기에 나타납니다</translation>
        </message>
        <message>
            <source>Layers</source>
            <translation>레이어</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>속성</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>학습</translation>
        </message>
        <message>
            <source>&amp;Auto layout</source>
            <translation>자동 배치(&amp;A)</translation>
        </message>
        <message>
            <source>Arrange the nodes left to right by depth (undoable)</source>
            <translation>노드를 깊이에 따라 왼쪽에서 오른쪽으로 배치합니다 (실행 취소 가능)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>파일(&amp;F)</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>최근 파일(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Examples</source>
            <translation>예제(&amp;E)</translation>
        </message>
        <message>
            <source>Import &amp;CSV…</source>
            <translation>CSV 가져오기(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>편집(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>보기(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Training</source>
            <translation>학습(&amp;T)</translation>
        </message>
        <message>
            <source>Race &amp;optimizers...</source>
            <translation>옵티마이저 경주(&amp;O)...</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>도움말(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Concepts and examples</source>
            <translation>개념과 예제(&amp;C)</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>기본</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>제목 없음</translation>
        </message>
        <message>
            <source>About Netwright</source>
            <translation>Netwright 정보</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Netwright&lt;/h3&gt;&lt;p&gt;Build neural networks by hand on a canvas and watch them learn.&lt;/p&gt;&lt;p&gt;Drag layers from the palette, wire output ports to input ports, pick the data and the optimizer in the inspector, and press Train.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Netwright&lt;/h3&gt;&lt;p&gt;캔버스에서 신경망을 직접 만들고 학습하는 모습을 지켜보세요.&lt;/p&gt;&lt;p&gt;레이어 목록에서 레이어를 끌어다 놓고, 출력 포트를 입력 포트에 연결하고, 속성 패널에서 데이터와 옵티마이저를 고른 뒤 학습을 누르세요.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>No recent files</source>
            <translation>최근 파일 없음</translation>
        </message>
        <message>
            <source>Clear list</source>
            <translation>목록 지우기</translation>
        </message>
        <message>
            <source>No examples found</source>
            <translation>예제가 없습니다</translation>
        </message>
    </context>
    <context>
        <name>Rename</name>
        <message>
            <source>an id cannot be empty</source>
            <translation>id는 비워 둘 수 없습니다</translation>
        </message>
        <message>
            <source>an id starts with a letter or _ and holds only letters, digits, _ and -: {id} does not</source>
            <translation>id는 영문자나 _로 시작하고 영문자, 숫자, _, -만 쓸 수 있습니다: {id}은(는) 맞지 않습니다</translation>
        </message>
        <message>
            <source>another node is already called {id}</source>
            <translation>{id}(이)라는 노드가 이미 있습니다</translation>
        </message>
    </context>
</TS>
