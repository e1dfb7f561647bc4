<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ActivationView</name>
    <message>
        <source>Select an activation node (Sigmoid, Tanh, ReLU, LeakyReLU, ELU) to plot f and f&apos;</source>
        <translation>활성화 노드(Sigmoid, Tanh, ReLU, LeakyReLU, ELU)를 선택하면 f와 f&apos;을 그립니다</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; ({type}) is not an element-wise activation: select Sigmoid, Tanh, ReLU, LeakyReLU or ELU</source>
        <translation>&apos;{id}&apos;({type}): 원소별 활성화가 아닙니다. Sigmoid, Tanh, ReLU, LeakyReLU, ELU 중 하나를 선택하세요</translation>
    </message>
    <message>
        <source>its slope f′(x) (max {max})</source>
        <translation>기울기 f′(x) (최대 {max})</translation>
    </message>
</context>
<context>
    <name>BoundaryView</name>
    <message>
        <source>The decision boundary (2-D inputs) or the fitted curve (1-D inputs) appears here when training runs: press Train</source>
        <translation>학습이 진행되면 여기에 결정 경계(2차원 입력) 또는 적합 곡선(1차원 입력)이 나타납니다: 학습을 누르세요</translation>
    </message>
    <message>
        <source>Appears after the first probe, a moment after training starts</source>
        <translation>학습을 시작하고 잠시 뒤 첫 측정이 끝나면 나타납니다</translation>
    </message>
    <message>
        <source>Decision boundary: colour = predicted class, paler = less sure</source>
        <translation>결정 경계: 색 = 예측 클래스, 옅을수록 덜 확신</translation>
    </message>
    <message>
        <source>Decision boundary (paler = less sure)</source>
        <translation>결정 경계 (옅을수록 덜 확신)</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>결정 경계</translation>
    </message>
    <message>
        <source>Fitted curve over the data</source>
        <translation>데이터에 맞춘 곡선</translation>
    </message>
    <message>
        <source>Fitted curve</source>
        <translation>적합 곡선</translation>
    </message>
    <message>
        <source>x₀ (feature 0)</source>
        <translation>x₀ (특징 0)</translation>
    </message>
    <message>
        <source>x₁ (feature 1)</source>
        <translation>x₁ (특징 1)</translation>
    </message>
    <message>
        <source>points</source>
        <translation>점</translation>
    </message>
    <message>
        <source>Show the data points (hide them to see the whole map)</source>
        <translation>데이터 점을 표시합니다 (숨기면 지도 전체가 보입니다)</translation>
    </message>
    <message>
        <source>P = 0.5 line</source>
        <translation>P = 0.5 선</translation>
    </message>
    <message>
        <source>class boundaries</source>
        <translation>클래스 경계</translation>
    </message>
    <message>
        <source>train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>class {n}</source>
        <translation>클래스 {n}</translation>
    </message>
    <message>
        <source>x (input)</source>
        <translation>x (입력)</translation>
    </message>
    <message>
        <source>P(class)</source>
        <translation>P(클래스)</translation>
    </message>
    <message>
        <source>y (output)</source>
        <translation>y (출력)</translation>
    </message>
    <message>
        <source>model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>true curve</source>
        <translation>실제 곡선</translation>
    </message>
    <message>
        <source>Nowhere sure (P ≤ {p}): colours stretched ×{stretch} to show where it leans.</source>
        <translation>어디에서도 확신하지 못합니다 (P ≤ {p}): 기우는 쪽이 보이도록 색을 ×{stretch} 늘렸습니다.</translation>
    </message>
    <message>
        <source>Model off the true curve by {error} (RMSE over the data&apos;s x).</source>
        <translation>모델과 실제 곡선의 차이: {error} (데이터 x 범위에서의 RMSE).</translation>
    </message>
    <message>
        <source>The decision boundary needs a 2-D input and the fitted curve a 1-D input; this network&apos;s input is {shape}</source>
        <translation>결정 경계는 2차원 입력, 적합 곡선은 1차원 입력이 필요합니다. 이 신경망의 입력은 {shape}입니다</translation>
    </message>
    <message>
        <source>The decision boundary is drawn for classification with a 2-D input</source>
        <translation>결정 경계는 2차원 입력의 분류 문제에서만 그립니다</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <source>The confusion matrix of a classifier appears here when training runs: press Train</source>
        <translation>학습이 진행되면 여기에 분류기의 혼동 행렬이 나타납니다: 학습을 누르세요</translation>
    </message>
    <message>
        <source>Confusion matrix (validation)</source>
        <translation>혼동 행렬 (검증)</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>예측값</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>실제값</translation>
    </message>
    <message>
        <source>Appears after the first probe, a moment after training starts</source>
        <translation>학습을 시작하고 잠시 뒤 첫 측정이 끝나면 나타납니다</translation>
    </message>
    <message>
        <source>Regression has no classes, so no confusion matrix: see the RMSE under Curves</source>
        <translation>회귀에는 클래스가 없어 혼동 행렬이 없습니다: 곡선 탭의 RMSE를 보세요</translation>
    </message>
    <message>
        <source>Confusion matrix (validation, accuracy {a} %)</source>
        <translation>혼동 행렬 (검증, 정확도 {a} %)</translation>
    </message>
    <message>
        <source>Validation accuracy {a} %</source>
        <translation>검증 정확도 {a} %</translation>
    </message>
    <message>
        <source>Accuracy {a} %</source>
        <translation>정확도 {a} %</translation>
    </message>
    <message>
        <source>number: count.</source>
        <translation>숫자: 개수.</translation>
    </message>
    <message>
        <source>number: count (none: 0).</source>
        <translation>숫자: 개수 (없으면 0).</translation>
    </message>
    <message>
        <source>no room here for the counts.</source>
        <translation>개수를 쓸 자리가 없습니다.</translation>
    </message>
    <message>
        <source>right</source>
        <translation>정답</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>오답</translation>
    </message>
    <message>
        <source>Validation set. Colour: share of the true class; {say}</source>
        <translation>검증 데이터. 색: 실제 클래스 중 비율; {say}</translation>
    </message>
</context>
<context>
    <name>ConvByHandView</name>
    <message>
        <source>Select a Conv2D, MaxPool2D or AvgPool2D node on the canvas, then click a pixel of its output to see how it is computed</source>
        <translation>캔버스에서 Conv2D, MaxPool2D, AvgPool2D 노드를 선택한 뒤 출력의 픽셀을 클릭하면 그 값이 어떻게 계산되는지 보여 줍니다</translation>
    </message>
    <message>
        <source>Convolution by hand: {id} map {c}, row {i}, column {j} · step {step}</source>
        <translation>손으로 하는 합성곱: {id} 맵 {c}, 행 {i}, 열 {j} · 스텝 {step}</translation>
    </message>
    <message>
        <source>Max pooling by hand: {id} map {c}, row {i}, column {j} · step {step}</source>
        <translation>손으로 하는 최대 풀링: {id} 맵 {c}, 행 {i}, 열 {j} · 스텝 {step}</translation>
    </message>
    <message>
        <source>Average pooling by hand: {id} map {c}, row {i}, column {j} · step {step}</source>
        <translation>손으로 하는 평균 풀링: {id} 맵 {c}, 행 {i}, 열 {j} · 스텝 {step}</translation>
    </message>
    <message>
        <source>Click a pixel to see how it is computed</source>
        <translation>픽셀을 클릭하면 계산 과정을 보여 줍니다</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; has a setting it cannot run with: {why}</source>
        <translation>&apos;{id}&apos;에 실행할 수 없는 설정이 있습니다: {why}</translation>
    </message>
    <message>
        <source>How &apos;{id}&apos; computes each output pixel appears when training runs: press Train, then click a pixel of its output</source>
        <translation>학습이 진행되면 &apos;{id}&apos;에서 출력 픽셀이 계산되는 과정이 나타납니다: 학습을 누른 뒤 출력의 픽셀을 클릭하세요</translation>
    </message>
    <message>
        <source>its filters are missing from the probe</source>
        <translation>측정 결과에 필터가 없습니다</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; changed since this run started ({why}): press Train to run the network as it is now</source>
        <translation>이 실행이 시작된 뒤 &apos;{id}&apos;에 변경이 있었습니다 ({why}): 지금의 신경망으로 실행하려면 학습을 누르세요</translation>
    </message>
    <message>
        <source>the next pixel&apos;s (right): stride {stride}</source>
        <translation>다음 픽셀(오른쪽)의 창: 스트라이드 {stride}</translation>
    </message>
    <message>
        <source>the next pixel&apos;s (left): stride {stride}</source>
        <translation>다음 픽셀(왼쪽)의 창: 스트라이드 {stride}</translation>
    </message>
    <message>
        <source>hatched: zero padding</source>
        <translation>빗금: 0 패딩</translation>
    </message>
    <message>
        <source>the window read</source>
        <translation>읽은 창</translation>
    </message>
    <message>
        <source>{id} output: {n} maps, the first {shown} · click a pixel</source>
        <translation>{id} 출력: 맵 {n}개 중 처음 {shown}개 · 픽셀을 클릭하세요</translation>
    </message>
    <message>
        <source>{id} output: 1 map · click a pixel</source>
        <translation>{id} 출력: 맵 1개 · 픽셀을 클릭하세요</translation>
    </message>
    <message>
        <source>{id} output: {n} maps · click a pixel</source>
        <translation>{id} 출력: 맵 {n}개 · 픽셀을 클릭하세요</translation>
    </message>
    <message>
        <source>padding {n}</source>
        <translation>패딩 {n}</translation>
    </message>
    <message>
        <source>padding {t}/{b}/{l}/{r} (top/bottom/left/right)</source>
        <translation>패딩 {t}/{b}/{l}/{r} (위/아래/왼쪽/오른쪽)</translation>
    </message>
    <message>
        <source>Input: {id}, map {c} of {n} (the one it pools)</source>
        <translation>입력: {id}, 맵 {n}개 중 {c}번 (풀링하는 맵)</translation>
    </message>
    <message>
        <source>sample {n}</source>
        <translation>샘플 {n}</translation>
    </message>
    <message>
        <source>1 map</source>
        <translation>맵 1개</translation>
    </message>
    <message>
        <source>{n} maps</source>
        <translation>맵 {n}개</translation>
    </message>
    <message>
        <source>Input: {id} ({what})</source>
        <translation>입력: {id} ({what})</translation>
    </message>
</context>
<context>
    <name>ConvPatch</name>
    <message>
        <source>its input or output is not an image [channels, height, width]</source>
        <translation>입력이나 출력이 이미지 [채널, 높이, 너비]가 아닙니다</translation>
    </message>
    <message>
        <source>its filters do not match its settings</source>
        <translation>필터가 설정과 맞지 않습니다</translation>
    </message>
    <message>
        <source>its output size does not match its settings</source>
        <translation>출력 크기가 설정과 맞지 않습니다</translation>
    </message>
    <message>
        <source>its channels do not match its input&apos;s</source>
        <translation>채널 수가 입력과 맞지 않습니다</translation>
    </message>
</context>
<context>
    <name>ConvWorking</name>
    <message>
        <source>the {k} × {k} window of the chosen map in the input</source>
        <translation>입력에서 선택한 맵의 {k} × {k} 창</translation>
    </message>
    <message>
        <source>a {k} × {k} kernel is too large to write out: the sum of each channel</source>
        <translation>{k} × {k} 커널은 다 적기에 너무 큽니다: 채널별 합</translation>
    </message>
    <message>
        <source>each input channel: input patch × kernel = products (cell by cell), summed</source>
        <translation>입력 채널마다: 입력 패치 × 커널 = 곱 (칸별), 그 합</translation>
    </message>
    <message>
        <source>input patch × kernel = products (cell by cell), summed</source>
        <translation>입력 패치 × 커널 = 곱 (칸별), 그 합</translation>
    </message>
    <message>
        <source>hatched cells: zero padding</source>
        <translation>빗금 칸: 0 패딩</translation>
    </message>
    <message>
        <source>ch {n}</source>
        <translation>채널 {n}</translation>
    </message>
    <message>
        <source>Σ input × kernel = {sum}</source>
        <translation>Σ 입력 × 커널 = {sum}</translation>
    </message>
    <message>
        <source>all {n} channels: Σ = {sums} = {total}</source>
        <translation>채널 {n}개 전체: Σ = {sums} = {total}</translation>
    </message>
    <message>
        <source>Σ over {n} channels of input × kernel + bias = {total} {sign} {bias} = {value}</source>
        <translation>채널 {n}개에 걸친 Σ 입력 × 커널 + 편향 = {total} {sign} {bias} = {value}</translation>
    </message>
    <message>
        <source>Σ input × kernel + bias = {total} {sign} {bias} = {value}</source>
        <translation>Σ 입력 × 커널 + 편향 = {total} {sign} {bias} = {value}</translation>
    </message>
    <message>
        <source>Σ over {n} channels of input × kernel = {value} (no bias)</source>
        <translation>채널 {n}개에 걸친 Σ 입력 × 커널 = {value} (편향 없음)</translation>
    </message>
    <message>
        <source>Σ input × kernel = {value} (no bias)</source>
        <translation>Σ 입력 × 커널 = {value} (편향 없음)</translation>
    </message>
    <message>
        <source>window</source>
        <translation>창</translation>
    </message>
    <message>
        <source>→ max = {value} (outlined)</source>
        <translation>→ 최댓값 = {value} (테두리)</translation>
    </message>
    <message>
        <source>→ mean = {sum} / {n} = {value}</source>
        <translation>→ 평균 = {sum} / {n} = {value}</translation>
    </message>
    <message>
        <source>max of the {k} × {k} window = {value}</source>
        <translation>{k} × {k} 창의 최댓값 = {value}</translation>
    </message>
    <message>
        <source>mean of the {k} × {k} window = {sum} / {n} = {value}</source>
        <translation>{k} × {k} 창의 평균 = {sum} / {n} = {value}</translation>
    </message>
    <message>
        <source>(no activation follows)</source>
        <translation>(뒤따르는 활성화 없음)</translation>
    </message>
</context>
<context>
    <name>CurvesView</name>
    <message>
        <source>epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>step (batch)</source>
        <translation>스텝 (배치)</translation>
    </message>
    <message>
        <source>faded:</source>
        <translation>흐린 선:</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Curves</source>
        <translation>곡선</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>레이어</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Backprop</source>
        <translation>역전파</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>이 메시지 숨기기</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>학습률:</translation>
    </message>
    <message>
        <source>While a run goes on (running, paused, stopped), its next step uses this rate and the file keeps its own; with no run to go on, it is the next run&apos;s (an undoable edit of the training settings)</source>
        <translation>실행이 이어지는 동안(실행 중, 일시정지, 중지) 다음 스텝부터 이 학습률을 쓰고 파일의 값은 그대로 둡니다. 이어갈 실행이 없으면 다음 실행의 학습률이 됩니다 (학습 설정의 편집으로, 실행 취소할 수 있습니다)</translation>
    </message>
    <message>
        <source>Sample:</source>
        <translation>샘플:</translation>
    </message>
    <message>
        <source>Which validation example the feature maps and the node previews show</source>
        <translation>특징 맵과 노드 미리보기가 보여 줄 검증 샘플</translation>
    </message>
    <message>
        <source>Log-scale loss</source>
        <translation>로그 스케일 손실</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis (small losses stay visible)</source>
        <translation>손실을 로그 축에 표시합니다 (작은 손실도 보입니다)</translation>
    </message>
    <message>
        <source>X axis:</source>
        <translation>X축:</translation>
    </message>
    <message>
        <source>Plot the curves against epochs (passes over the training set) or steps (batches). With batch size 1 an epoch has as many steps as examples: see its noise in steps</source>
        <translation>곡선의 가로축을 에폭(학습 데이터를 한 번 훑기) 또는 스텝(배치)으로 정합니다. 배치 크기가 1이면 한 에폭의 스텝 수가 샘플 수와 같습니다: 그 잡음은 스텝 단위로 보세요</translation>
    </message>
    <message>
        <source>Clear old runs</source>
        <translation>이전 실행 지우기</translation>
    </message>
    <message>
        <source>Remove the faded curves of earlier runs</source>
        <translation>이전 실행의 흐린 곡선을 지웁니다</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>나란히 보기</translation>
    </message>
    <message>
        <source>Show Curves, Layer and Data at once instead of in tabs (for large screens; Backprop needs the whole width and shows in the tabs only)</source>
        <translation>곡선, 레이어, 데이터를 탭 대신 한꺼번에 보여 줍니다 (큰 화면용. 역전파는 전체 너비가 필요해 탭에서만 보입니다)</translation>
    </message>
    <message>
        <source>Press Train (F5) to start</source>
        <translation>학습(F5)을 누르면 시작합니다</translation>
    </message>
</context>
<context>
    <name>FeatureMapsView</name>
    <message>
        <source>Select a node on the canvas to see its output (feature maps) for a sample</source>
        <translation>캔버스에서 노드를 선택하면 한 샘플에 대한 출력(특징 맵)을 보여 줍니다</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>특징</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>유닛</translation>
    </message>
    <message>
        <source>The output of &apos;{id}&apos; for the chosen sample appears when training runs: press Train</source>
        <translation>학습이 진행되면 선택한 샘플에 대한 &apos;{id}&apos;의 출력이 나타납니다: 학습을 누르세요</translation>
    </message>
    <message>
        <source>Sample {n} ({label})</source>
        <translation>샘플 {n} ({label})</translation>
    </message>
    <message>
        <source>{n} maps</source>
        <translation>맵 {n}개</translation>
    </message>
    <message>
        <source>1 value</source>
        <translation>값 1개</translation>
    </message>
    <message>
        <source>{n} values</source>
        <translation>값 {n}개</translation>
    </message>
    <message>
        <source>{id} output: {what}</source>
        <translation>{id} 출력: {what}</translation>
    </message>
    <message>
        <source>class {name}</source>
        <translation>클래스 {name}</translation>
    </message>
    <message>
        <source>target {values}</source>
        <translation>목표값 {values}</translation>
    </message>
</context>
<context>
    <name>FiltersView</name>
    <message>
        <source>Select a Conv2D node on the canvas to see its filters</source>
        <translation>캔버스에서 Conv2D 노드를 선택하면 필터를 보여 줍니다</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>their gradients</source>
        <translation>필터의 기울기</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; is not a convolution: select a Conv2D node</source>
        <translation>&apos;{id}&apos;: 합성곱이 아닙니다. Conv2D 노드를 선택하세요</translation>
    </message>
    <message>
        <source>The filters of &apos;{id}&apos; appear when training runs: press Train</source>
        <translation>학습이 진행되면 &apos;{id}&apos;의 필터가 나타납니다: 학습을 누르세요</translation>
    </message>
    <message>
        <source>{id}: {n} filters {h}×{w}</source>
        <translation>{id}: 필터 {n}개 {h}×{w}</translation>
    </message>
</context>
<context>
    <name>GradNormView</name>
    <message>
        <source>(dark: near the input)</source>
        <translation>(어두울수록 입력 쪽)</translation>
    </message>
    <message>
        <source>frozen, no gradient: {ids}</source>
        <translation>고정됨, 기울기 없음: {ids}</translation>
    </message>
    <message>
        <source>Gradient norms of every layer appear here: press Train</source>
        <translation>여기에 모든 레이어의 기울기 노름이 나타납니다: 학습을 누르세요</translation>
    </message>
    <message>
        <source>Gradient norm per layer</source>
        <translation>레이어별 기울기 노름</translation>
    </message>
    <message>
        <source>Gradient norms</source>
        <translation>기울기 노름</translation>
    </message>
    <message>
        <source>L2 norm (log scale)</source>
        <translation>L2 노름 (로그)</translation>
    </message>
    <message>
        <source>One curve per layer with weights, dark near the input, green near the output. Curves far below the others: those layers barely learn (vanishing gradients).</source>
        <translation>가중치가 있는 레이어마다 곡선 하나: 입력 쪽은 어둡고 출력 쪽은 초록색입니다. 다른 곡선보다 한참 아래에 있는 레이어는 거의 학습하지 못합니다 (기울기 소실).</translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <source>Network health (saturated and dead units, activation and gradient spread by depth) appears here when training runs: press Train</source>
        <translation>학습이 진행되면 여기에 신경망 상태(포화·죽은 유닛, 깊이별 활성화와 기울기의 퍼짐)가 나타납니다: 학습을 누르세요</translation>
    </message>
    <message>
        <source>This network has no element-wise activation (Sigmoid, Tanh, ReLU, LeakyReLU, ELU): there is no saturation or dead unit to show</source>
        <translation>이 신경망에는 원소별 활성화(Sigmoid, Tanh, ReLU, LeakyReLU, ELU)가 없어 보여 줄 포화나 죽은 유닛이 없습니다</translation>
    </message>
    <message>
        <source>Appears after the first probe, a moment after training starts</source>
        <translation>학습을 시작하고 잠시 뒤 첫 측정이 끝나면 나타납니다</translation>
    </message>
    <message>
        <source>Saturated or dead units by layer</source>
        <translation>레이어별 포화 또는 죽은 유닛</translation>
    </message>
    <message>
        <source>Saturated / dead units</source>
        <translation>포화 / 죽은 유닛</translation>
    </message>
    <message>
        <source>Saturated / dead</source>
        <translation>포화 / 죽음</translation>
    </message>
    <message>
        <source>Activation and gradient spread by depth</source>
        <translation>깊이별 활성화와 기울기의 퍼짐</translation>
    </message>
    <message>
        <source>Spread by depth</source>
        <translation>깊이별 퍼짐</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>퍼짐</translation>
    </message>
    <message>
        <source>layers, input → output</source>
        <translation>레이어, 입력 → 출력</translation>
    </message>
    <message>
        <source>share of units</source>
        <translation>유닛 비율</translation>
    </message>
    <message>
        <source>std, RMS (log)</source>
        <translation>표준편차, RMS (로그)</translation>
    </message>
    <message>
        <source>Saturated (Sigmoid, Tanh): the share of the probe batch&apos;s values whose slope f&apos;(z) is below {saturation} of its maximum (Sigmoid |z| &gt; 3.6, Tanh |z| &gt; 1.8): they pass almost no gradient back.
Dead (ReLU): the share of units never above 0 on the probe batch: they get no gradient and stop learning.
The dashed line is {mostly}: past it the card gets a badge.</source>
        <translation>포화 (Sigmoid, Tanh): 측정 배치의 값 중 기울기 f&apos;(z)가 최댓값의 {saturation}보다 작은 비율 (Sigmoid |z| &gt; 3.6, Tanh |z| &gt; 1.8): 기울기를 거의 되돌려 보내지 못합니다.
죽음 (ReLU): 측정 배치에서 한 번도 0보다 커지지 않은 유닛의 비율: 기울기를 받지 못해 학습이 멈춥니다.
점선은 {mostly}입니다: 이를 넘으면 카드에 배지가 붙습니다.</translation>
    </message>
    <message>
        <source>Blue: the standard deviation of each layer&apos;s outputs over the probe batch.
Red: the RMS of the gradient of each sample&apos;s loss reaching those outputs.
A red line falling by decades towards the input: vanishing gradients (early layers barely learn). Activations shrinking or growing layer by layer: a bad weight scale (try he for ReLU, xavier for Sigmoid/Tanh).</source>
        <translation>파랑: 측정 배치에서 각 레이어 출력의 표준편차.
빨강: 각 샘플의 손실이 그 출력에 보내는 기울기의 RMS.
빨간 선이 입력 쪽으로 갈수록 몇 자릿수씩 떨어지면 기울기 소실입니다 (앞쪽 레이어가 거의 학습하지 못함). 활성화가 레이어마다 줄거나 커지면 가중치 크기가 나쁜 것입니다 (ReLU에는 he, Sigmoid/Tanh에는 xavier를 써 보세요).</translation>
    </message>
    <message>
        <source>saturated</source>
        <translation>포화</translation>
    </message>
    <message>
        <source>dead (ReLU)</source>
        <translation>죽음 (ReLU)</translation>
    </message>
    <message>
        <source>activation std</source>
        <translation>활성화 표준편차</translation>
    </message>
    <message>
        <source>gradient RMS</source>
        <translation>기울기 RMS</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>step {step}, {n} validation samples</source>
        <translation>스텝 {step}, 검증 샘플 {n}개</translation>
    </message>
    <message>
        <source>{id} is the output (its saturation is confidence)</source>
        <translation>{id}: 출력 (출력의 포화는 확신을 뜻합니다)</translation>
    </message>
</context>
<context>
    <name>HistogramView</name>
    <message>
        <source>Select a layer with weights (Dense, Conv2D, BatchNorm) on the canvas to see its weight and gradient histograms</source>
        <translation>캔버스에서 가중치가 있는 레이어(Dense, Conv2D, BatchNorm)를 선택하면 가중치와 기울기의 히스토그램을 보여 줍니다</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>편향</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>count</source>
        <translation>개수</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>기울기</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; has no weights: select a Dense, Conv2D or BatchNorm node</source>
        <translation>&apos;{id}&apos;에는 가중치가 없습니다: Dense, Conv2D, BatchNorm 노드를 선택하세요</translation>
    </message>
    <message>
        <source>Histograms of &apos;{id}&apos; appear when training runs: press Train</source>
        <translation>학습이 진행되면 &apos;{id}&apos;의 히스토그램이 나타납니다: 학습을 누르세요</translation>
    </message>
    <message>
        <source>their gradients (last batch)</source>
        <translation>그 기울기 (마지막 배치)</translation>
    </message>
</context>
<context>
    <name>LayerParts</name>
    <message>
        <source>Frozen: no gradient. &apos;{id}&apos; has trainable off: its weights never change.</source>
        <translation>고정됨: 기울기 없음. &apos;{id}&apos;의 trainable이 꺼져 있어 가중치가 바뀌지 않습니다.</translation>
    </message>
    <message>
        <source>The shape of &apos;{id}&apos; is unknown, so there is nothing to show: {why}</source>
        <translation>&apos;{id}&apos;의 형태를 알 수 없어 보여 줄 것이 없습니다: {why}</translation>
    </message>
</context>
<context>
    <name>LearningRateView</name>
    <message>
        <source>The schedule is planned per epoch: it is drawn in steps once a run says how many steps an epoch has. Press Train, or show epochs</source>
        <translation>스케줄은 에폭 단위로 계획됩니다: 실행이 한 에폭의 스텝 수를 알려 주면 스텝 단위로 그립니다. 학습을 누르거나 에폭으로 보세요</translation>
    </message>
    <message>
        <source>The learning-rate schedule appears here once the training section is valid</source>
        <translation>학습 설정이 올바르면 여기에 학습률 스케줄이 나타납니다</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>used by each step</source>
        <translation>스텝마다 쓴 값</translation>
    </message>
    <message>
        <source>No planned schedule to draw: {why}</source>
        <translation>그릴 스케줄 계획이 없습니다: {why}</translation>
    </message>
    <message>
        <source>the rate of step {step} was {lr}</source>
        <translation>스텝 {step}의 학습률: {lr}</translation>
    </message>
    <message>
        <source>planned schedule</source>
        <translation>계획된 스케줄</translation>
    </message>
    <message>
        <source>the learning rate {lr} is not a finite number</source>
        <translation>학습률 {lr}: 유한한 수가 아닙니다</translation>
    </message>
    <message>
        <source>the planned rate overflows at epoch {epoch}</source>
        <translation>계획된 학습률이 에폭 {epoch}에서 넘칩니다</translation>
    </message>
</context>
<context>
    <name>LossSurfaceView</name>
    <message>
        <source>The loss surface around the current weights, with the optimizer&apos;s path, appears here when training runs: press Train</source>
        <translation>학습이 진행되면 여기에 현재 가중치 주변의 손실 지형과 옵티마이저의 경로가 나타납니다: 학습을 누르세요</translation>
    </message>
    <message>
        <source>Loss around the current weights, and the path to them</source>
        <translation>현재 가중치 주변의 손실과 그곳까지의 경로</translation>
    </message>
    <message>
        <source>Loss around the weights</source>
        <translation>가중치 주변의 손실</translation>
    </message>
    <message>
        <source>Loss surface</source>
        <translation>손실 지형</translation>
    </message>
    <message>
        <source>Colour: log10 of the training loss (on a fixed subset) if the weights moved within the plane drawn.
Principal directions: the two along which the weights moved most (a PCA of the path, as in Li et al. 2018); random directions: two random ones, each scaled to the size of every unit&apos;s weights.
White line: the weights&apos; path since step 0, projected on the plane (off the plane the loss may differ from the map); circle: the start; star: now.</source>
        <translation>색: 가중치가 그려진 평면 안에서 움직였을 때의 학습 손실(고정된 부분 집합)의 log10.
주성분 방향: 가중치가 가장 많이 움직인 두 방향 (경로의 PCA, Li et al. 2018처럼); 무작위 방향: 각 유닛 가중치의 크기에 맞춘 무작위 두 방향.
흰 선: 스텝 0부터의 가중치 경로를 평면에 투영한 것 (평면 밖에서는 손실이 지도와 다를 수 있습니다); 원: 시작; 별: 현재.</translation>
    </message>
    <message>
        <source>log₁₀ loss</source>
        <translation>log₁₀ 손실</translation>
    </message>
    <message>
        <source>optimizer&apos;s path</source>
        <translation>옵티마이저의 경로</translation>
    </message>
    <message>
        <source>random directions</source>
        <translation>무작위 방향</translation>
    </message>
    <message>
        <source>Span the plane with two random directions instead of the path&apos;s principal directions</source>
        <translation>경로의 주성분 방향 대신 무작위 두 방향으로 평면을 만듭니다</translation>
    </message>
    <message>
        <source>direction 1</source>
        <translation>방향 1</translation>
    </message>
    <message>
        <source>direction 2</source>
        <translation>방향 2</translation>
    </message>
    <message>
        <source>Appears after the first probe, a moment after training starts</source>
        <translation>학습을 시작하고 잠시 뒤 첫 측정이 끝나면 나타납니다</translation>
    </message>
    <message>
        <source>This network has no weights to move</source>
        <translation>이 신경망에는 움직일 가중치가 없습니다</translation>
    </message>
    <message>
        <source>start (step {step})</source>
        <translation>시작 (스텝 {step})</translation>
    </message>
    <message>
        <source>now (step {step})</source>
        <translation>현재 (스텝 {step})</translation>
    </message>
    <message>
        <source>path</source>
        <translation>경로</translation>
    </message>
    <message>
        <source>Map at step {step}, on {n} examples.</source>
        <translation>스텝 {step}의 지도, 샘플 {n}개 기준.</translation>
    </message>
    <message>
        <source>PC {i} ({share} % of the path&apos;s variance)</source>
        <translation>PC {i} (경로 분산의 {share} %)</translation>
    </message>
    <message>
        <source>PC {i} ({share} %)</source>
        <translation>PC {i} ({share} %)</translation>
    </message>
    <message>
        <source>random direction 1</source>
        <translation>무작위 방향 1</translation>
    </message>
    <message>
        <source>random direction 2</source>
        <translation>무작위 방향 2</translation>
    </message>
    <message>
        <source>Random directions until the path is long enough for its principal ones.</source>
        <translation>경로가 주성분을 구할 만큼 길어질 때까지는 무작위 방향입니다.</translation>
    </message>
</context>
<context>
    <name>LossView</name>
    <message>
        <source>No loss yet: press Train (F5)</source>
        <translation>아직 손실이 없습니다: 학습(F5)을 누르세요</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>train (each batch)</source>
        <translation>학습 (배치마다)</translation>
    </message>
    <message>
        <source>validation (each epoch)</source>
        <translation>검증 (에폭마다)</translation>
    </message>
    <message>
        <source>weight penalty (each batch)</source>
        <translation>가중치 페널티 (배치마다)</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>손실 (로그 스케일)</translation>
    </message>
    <message>
        <source>train, each epoch&apos;s mean (no validation set)</source>
        <translation>학습, 에폭별 평균 (검증 데이터 없음)</translation>
    </message>
</context>
<context>
    <name>MetricView</name>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>정확도 (%)</translation>
    </message>
    <message>
        <source>Accuracy (or RMSE for regression) appears when the first epoch ends: press Train</source>
        <translation>첫 에폭이 끝나면 정확도(회귀는 RMSE)가 나타납니다: 학습을 누르세요</translation>
    </message>
    <message>
        <source>train (epoch mean)</source>
        <translation>학습 (에폭 평균)</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>{name} appears when the first epoch ends (step {step} of {steps})</source>
        <translation>첫 에폭이 끝나면 {name}이(가) 나타납니다 (스텝 {step} / {steps})</translation>
    </message>
</context>
<context>
    <name>NodePreviews</name>
    <message>
        <source>{share} of this ReLU layer&apos;s units were never above 0 on {n} validation samples: they pass no gradient and stop learning (a bad weight scale, a large learning rate or a negative bias?)</source>
        <translation>이 ReLU 레이어 유닛의 {share}가 검증 샘플 {n}개에서 한 번도 0보다 커지지 않았습니다: 기울기를 전달하지 못해 학습이 멈춥니다 (가중치 크기가 나쁘거나, 학습률이 크거나, 편향이 음수인가요?)</translation>
    </message>
    <message>
        <source>{share} of this layer&apos;s outputs sit where its slope f&apos;(z) is below 0.1 of its maximum (Sigmoid |z| &gt; 3.6, Tanh |z| &gt; 1.8) on {n} validation samples: little gradient passes back (weights too large?)</source>
        <translation>검증 샘플 {n}개에서 이 레이어 출력의 {share}가 기울기 f&apos;(z)가 최댓값의 0.1보다 작은 곳에 있습니다 (Sigmoid |z| &gt; 3.6, Tanh |z| &gt; 1.8): 기울기가 거의 되돌아가지 않습니다 (가중치가 너무 큰가요?)</translation>
    </message>
    <message>
        <source>dead {share}</source>
        <translation>죽음 {share}</translation>
    </message>
    <message>
        <source>saturated {share}</source>
        <translation>포화 {share}</translation>
    </message>
</context>
<context>
    <name>RaceDialog</name>
    <message>
        <source>as in the file</source>
        <translation>파일 설정대로</translation>
    </message>
    <message>
        <source>race</source>
        <translation>경주</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>활성화</translation>
    </message>
    <message>
        <source>init</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Race optimizers</source>
        <translation>옵티마이저 경주</translation>
    </message>
    <message>
        <source>Each ticked row trains a copy of this network with these settings, all from the same initial weights (the same seed) on the same shuffled batches, side by side. Tick 2 to 4 rows.</source>
        <translation>체크한 행마다 이 신경망의 사본을 그 설정으로 나란히 학습합니다. 모두 같은 초기 가중치(같은 시드)에서 같은 순서로 섞인 배치를 씁니다. 2~4개 행을 체크하세요.</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>경주 시작</translation>
    </message>
    <message>
        <source>Tick {low} to {high} rows to race ({n} ticked).</source>
        <translation>경주하려면 {low}~{high}개 행을 체크하세요 (지금 {n}개).</translation>
    </message>
</context>
<context>
    <name>RaceLaunch</name>
    <message>
        <source>Race optimizers</source>
        <translation>옵티마이저 경주</translation>
    </message>
    <message>
        <source>This network has no training section: choose its data, loss and optimizer first (Training tab).</source>
        <translation>이 신경망에는 학습 설정이 없습니다: 먼저 데이터, 손실, 옵티마이저를 고르세요 (학습 탭).</translation>
    </message>
    <message>
        <source>The race cannot start: {why}</source>
        <translation>경주를 시작할 수 없습니다: {why}</translation>
    </message>
</context>
<context>
    <name>RacePlots</name>
    <message>
        <source>epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>Every racer&apos;s path on one loss plane (PCA of all paths)</source>
        <translation>한 손실 평면 위 모든 참가자의 경로 (모든 경로의 PCA)</translation>
    </message>
    <message>
        <source>log₁₀ loss</source>
        <translation>log₁₀ 손실</translation>
    </message>
    <message>
        <source>PC 1 ({share} % of the paths&apos; variance)</source>
        <translation>PC 1 (경로 분산의 {share} %)</translation>
    </message>
</context>
<context>
    <name>RaceWindow</name>
    <message>
        <source>optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>활성화</translation>
    </message>
    <message>
        <source>init</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Same start: every racer compiles the network with seed {seed}, so they begin from identical weights{arch}. Same batches: the same shuffled order of examples in every epoch{batch}.</source>
        <translation>같은 출발: 모든 참가자가 같은 시드({seed})로 신경망을 만들어 같은 가중치에서 시작합니다{arch}. 같은 배치: 에폭마다 샘플을 같은 순서로 섞습니다{batch}.</translation>
    </message>
    <message>
        <source>Optimizer race</source>
        <translation>옵티마이저 경주</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Training loss (each batch)</source>
        <translation>학습 손실 (배치마다)</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Validation accuracy (each epoch)</source>
        <translation>검증 정확도 (에폭마다)</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Validation RMSE (each epoch)</source>
        <translation>검증 RMSE (에폭마다)</translation>
    </message>
    <message>
        <source>Circle: the start; star: where each racer is. Colour and contours: the loss of racer 1&apos;s network on the plane (the racers&apos; weights also move off it: there the loss differs).</source>
        <translation>원: 시작; 별: 각 참가자의 현재 위치. 색과 등고선: 평면 위에서 참가자 1의 신경망 손실 (참가자의 가중치는 평면 밖으로도 움직이며, 그곳의 손실은 다릅니다).</translation>
    </message>
    <message>
        <source>Racing {n} configurations on {data} ...</source>
        <translation>{data}에서 설정 {n}개가 경주 중 ...</translation>
    </message>
    <message>
        <source> (racers with another activation or init differ in architecture or in how weights are drawn: for them, the same seed)</source>
        <translation> (활성화나 초기화가 다른 참가자는 구조나 가중치를 뽑는 방식이 다르며, 이들에게는 같은 시드라는 뜻입니다)</translation>
    </message>
    <message>
        <source>; with other batch sizes that order is cut into batches of other sizes, so the curves are compared by epoch (the same examples), not by step</source>
        <translation>; 배치 크기가 다르면 그 순서를 다른 크기의 배치로 자르므로, 곡선은 스텝이 아니라 에폭(같은 샘플)으로 비교합니다</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>The race is over ({n} racers).</source>
        <translation>경주가 끝났습니다 (참가자 {n}개).</translation>
    </message>
    <message>
        <source>Paused: every racer waits.</source>
        <translation>일시정지: 모든 참가자가 기다립니다.</translation>
    </message>
    <message>
        <source>Racing {n} configurations ...</source>
        <translation>설정 {n}개가 경주 중 ...</translation>
    </message>
    <message>
        <source>Racer {n} ({label}) stopped: {why}.</source>
        <translation>참가자 {n} ({label})이(가) 멈췄습니다: {why}.</translation>
    </message>
    <message>
        <source>Racer {n} ({label}) diverged: its loss blew up, so it stopped.</source>
        <translation>참가자 {n} ({label})이(가) 발산했습니다: 손실이 폭주해 멈췄습니다.</translation>
    </message>
    <message>
        <source>same settings (racer {n})</source>
        <translation>같은 설정 (참가자 {n})</translation>
    </message>
</context>
<context>
    <name>RunCurves</name>
    <message>
        <source>optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>scheduler</source>
        <translation>스케줄러</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>validation split</source>
        <translation>검증 비율</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Faded: {label}</source>
        <translation>흐린 선: {label}</translation>
    </message>
    <message>
        <source>an earlier run</source>
        <translation>이전 실행</translation>
    </message>
    <message>
        <source>run {run}</source>
        <translation>실행 {run}</translation>
    </message>
    <message>
        <source>{run}: same settings</source>
        <translation>{run}: 같은 설정</translation>
    </message>
    <message>
        <source>{list} and {n} more</source>
        <translation>{list} 외 {n}개</translation>
    </message>
    <message>
        <source>other wiring</source>
        <translation>다른 연결</translation>
    </message>
    <message>
        <source>no {setting}</source>
        <translation>{setting} 없음</translation>
    </message>
</context>
<context>
    <name>RunSetup</name>
    <message>
        <source>its shape is unknown</source>
        <translation>형태를 알 수 없습니다</translation>
    </message>
</context>
<context>
    <name>SamplePassParts</name>
    <message>
        <source>unit</source>
        <translation>유닛</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>특징</translation>
    </message>
    <message>
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>순전파</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>역전파</translation>
    </message>
    <message>
        <source>no finite value</source>
        <translation>유한한 값 없음</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
</context>
<context>
    <name>SamplePassPictures</name>
    <message>
        <source>{step} · sample {n} ({label}) · weights of step {at}</source>
        <translation>{step} · 샘플 {n} ({label}) · 스텝 {at}의 가중치</translation>
    </message>
    <message>
        <source>Loss ({name})</source>
        <translation>손실 ({name})</translation>
    </message>
    <message>
        <source>class {name}</source>
        <translation>클래스 {name}</translation>
    </message>
    <message>
        <source>target {values}</source>
        <translation>목표값 {values}</translation>
    </message>
    <message>
        <source>the first {n} of {maps} maps</source>
        <translation>맵 {maps}개 중 처음 {n}개</translation>
    </message>
    <message>
        <source>The sample enters the network as &apos;{id}&apos;, shape {shape}. Every number on these pages is for this one sample.</source>
        <translation>샘플이 &apos;{id}&apos;에서 신경망에 들어갑니다. 형태 {shape}. 이 페이지의 모든 숫자는 이 샘플 하나에 대한 것입니다.</translation>
    </message>
    <message>
        <source>the sample</source>
        <translation>샘플</translation>
    </message>
    <message>
        <source>input: output of &apos;{id}&apos;</source>
        <translation>입력: &apos;{id}&apos;의 출력</translation>
    </message>
    <message>
        <source>(+{n} more)</source>
        <translation>(외 {n}개)</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>편향</translation>
    </message>
    <message>
        <source>output of &apos;{id}&apos;</source>
        <translation>&apos;{id}&apos;의 출력</translation>
    </message>
    <message>
        <source>; weights {list}</source>
        <translation>; 가중치 {list}</translation>
    </message>
    <message>
        <source>; no weights</source>
        <translation>; 가중치 없음</translation>
    </message>
    <message>
        <source>(bias {range})</source>
        <translation>(편향 {range})</translation>
    </message>
    <message>
        <source>prediction: output of &apos;{id}&apos;</source>
        <translation>예측: &apos;{id}&apos;의 출력</translation>
    </message>
    <message>
        <source>target</source>
        <translation>목표값</translation>
    </message>
    <message>
        <source>dL/d(output of &apos;{id}&apos;): backward starts here</source>
        <translation>dL/d(&apos;{id}&apos;의 출력): 역전파가 여기서 시작합니다</translation>
    </message>
    <message>
        <source>The final {type} is fused with the loss: the loss reads the logits of &apos;{id}&apos;, and there dL/dz = p − y (prediction − target), which stays finite where the probabilities saturate.</source>
        <translation>마지막 {type} 레이어는 손실과 합쳐져 있습니다: 손실은 &apos;{id}&apos;의 로짓을 읽고, 그곳에서 dL/dz = p − y (예측 − 목표값)이므로 확률이 포화해도 유한하게 남습니다.</translation>
    </message>
    <message>
        <source>Backward starts from the loss&apos;s slope at the prediction.</source>
        <translation>역전파는 예측에서의 손실의 기울기에서 시작합니다.</translation>
    </message>
    <message>
        <source>arriving: dL/d(output of &apos;{id}&apos;)</source>
        <translation>도착: dL/d(&apos;{id}&apos;의 출력)</translation>
    </message>
    <message>
        <source>(summed from {ids})</source>
        <translation>({ids}에서 온 값의 합)</translation>
    </message>
    <message>
        <source>local factor f′(z) of &apos;{id}&apos;</source>
        <translation>&apos;{id}&apos;의 국소 계수 f′(z)</translation>
    </message>
    <message>
        <source>Chain rule, element by element: dL/dz = dL/dy × f′(z). Where f′ is 0 (a ReLU below 0, a saturated sigmoid) nothing passes back.</source>
        <translation>원소별 연쇄 법칙: dL/dz = dL/dy × f′(z). f′이 0인 곳(0보다 작은 ReLU, 포화된 sigmoid)에서는 아무것도 되돌아가지 않습니다.</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; is frozen (trainable off): its weights get no gradient.</source>
        <translation>&apos;{id}&apos;: 고정됨 (trainable 꺼짐). 가중치가 기울기를 받지 않습니다.</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; ({type}) has no weights: it hands the gradient back through its own derivative.</source>
        <translation>&apos;{id}&apos;({type})에는 가중치가 없습니다: 자신의 도함수를 거쳐 기울기를 뒤로 넘깁니다.</translation>
    </message>
    <message>
        <source>The data (&apos;{id}&apos;) needs no gradient: backward ends here.</source>
        <translation>데이터(&apos;{id}&apos;)에는 기울기가 필요 없습니다: 역전파가 여기서 끝납니다.</translation>
    </message>
    <message>
        <source>Its gradients: dL/dW = dL/dy · xᵀ (what arrives times the input it saw going forward), dL/db = dL/dy; it passes dL/dx = Wᵀ · dL/dy back.</source>
        <translation>기울기: dL/dW = dL/dy · xᵀ (도착한 값 × 순전파 때 본 입력), dL/db = dL/dy; 뒤로는 dL/dx = Wᵀ · dL/dy를 넘깁니다.</translation>
    </message>
    <message>
        <source>Its gradients: each weight&apos;s dL/dw sums, over every place the weight was used, the input it met times the gradient arriving there.</source>
        <translation>기울기: 각 가중치의 dL/dw는 그 가중치가 쓰인 모든 자리에서 만난 입력 × 그곳에 도착한 기울기를 더한 것입니다.</translation>
    </message>
    <message>
        <source>passed back: dL/d(output of &apos;{id}&apos;)</source>
        <translation>뒤로 넘김: dL/d(&apos;{id}&apos;의 출력)</translation>
    </message>
    <message>
        <source>(summed over its consumers)</source>
        <translation>(그 출력을 쓰는 노드들에 걸친 합)</translation>
    </message>
</context>
<context>
    <name>SamplePassView</name>
    <message>
        <source>Press Train or Step: one validation sample (the Sample box above) is then stepped forward and backward through the network, node by node, with its numbers</source>
        <translation>학습이나 한 단계를 누르세요: 검증 샘플 하나(위의 샘플 칸)가 숫자와 함께 노드마다 신경망을 순전파·역전파합니다</translation>
    </message>
    <message>
        <source>◀ Prev</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <source>Check gradients</source>
        <translation>기울기 검사</translation>
    </message>
    <message>
        <source>Compare each parameter&apos;s gradient from backprop with a numerical one (central differences in float64) on this sample and these weights. Up to {n} random entries of each array are checked, in the background: training goes on undisturbed</source>
        <translation>이 샘플과 이 가중치에서, 역전파로 구한 각 파라미터의 기울기를 수치 기울기(float64 중심 차분)와 비교합니다. 배열마다 무작위 원소를 최대 {n}개 백그라운드에서 검사하며, 학습은 방해받지 않습니다</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>entries checked</source>
        <translation>검사한 원소</translation>
    </message>
    <message>
        <source>max relative error (ε {eps})</source>
        <translation>최대 상대 오차 (ε {eps})</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>통과</translation>
    </message>
    <message>
        <source>No run to check: press Train or Step first</source>
        <translation>검사할 실행이 없습니다: 먼저 학습이나 한 단계를 누르세요</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>검사 중…</translation>
    </message>
    <message>
        <source>The gradient check could not run: {why}</source>
        <translation>기울기 검사를 실행할 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>Gradient check: passed · sample {n} · weights of step {step}</source>
        <translation>기울기 검사: 통과 · 샘플 {n} · 스텝 {step}의 가중치</translation>
    </message>
    <message>
        <source>Gradient check: FAILED · sample {n} · weights of step {step}</source>
        <translation>기울기 검사: 실패 · 샘플 {n} · 스텝 {step}의 가중치</translation>
    </message>
    <message>
        <source>Backprop&apos;s gradient of each parameter against central differences (L(w + ε) − L(w − ε)) / 2ε in float64, eval mode; relative error |analytic − numeric| / max(|analytic|, |numeric|). An array that fails at ε = {eps} is checked again at ε = {fine}</source>
        <translation>역전파로 구한 각 파라미터의 기울기를 float64 중심 차분 (L(w + ε) − L(w − ε)) / 2ε (평가 모드)과 비교합니다; 상대 오차 |해석값 − 수치값| / max(|해석값|, |수치값|). ε = {eps}에서 실패한 배열은 ε = {fine}에서 다시 검사합니다</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{total}개 중 {n}개</translation>
    </message>
    <message>
        <source>pass at ε {eps} (a kink)</source>
        <translation>ε {eps}에서 통과 (꺾인 점)</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Backprop&apos;s gradients equal the numerical ones.</source>
        <translation>역전파의 기울기가 수치 기울기와 같습니다.</translation>
    </message>
    <message>
        <source>Where the check failed at ε = {eps} and passed at {fine}, a kink lay within ε of the weights (a ReLU input near 0, a max-pool window whose two largest values are that close): the numerical slope averaged both sides of it. A backprop error would not vanish so.</source>
        <translation>ε = {eps}에서 실패하고 {fine}에서 통과한 곳은 가중치에서 ε 안에 꺾인 점이 있었던 것입니다 (0 근처의 ReLU 입력, 가장 큰 두 값이 그만큼 가까운 최대 풀링 창): 수치 기울기가 그 양쪽을 평균했습니다. 역전파의 오류라면 이렇게 사라지지 않습니다.</translation>
    </message>
    <message>
        <source>A failure is a gradient backprop gets wrong.</source>
        <translation>실패는 역전파가 틀리게 구한 기울기입니다.</translation>
    </message>
    <message>
        <source>Gradient check: ✓ passed</source>
        <translation>기울기 검사: ✓ 통과</translation>
    </message>
    <message>
        <source>Gradient check: ✗ FAILED</source>
        <translation>기울기 검사: ✗ 실패</translation>
    </message>
</context>
<context>
    <name>SoftmaxView</name>
    <message>
        <source>Select a Softmax node to see its probabilities for a sample and its slope</source>
        <translation>Softmax 노드를 선택하면 한 샘플에 대한 확률과 기울기를 보여 줍니다</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <source>output i</source>
        <translation>출력 i</translation>
    </message>
    <message>
        <source>input score j</source>
        <translation>입력 점수 j</translation>
    </message>
    <message>
        <source>The probabilities of &apos;{id}&apos; for the chosen sample appear when training runs: press Train</source>
        <translation>학습이 진행되면 선택한 샘플에 대한 &apos;{id}&apos;의 확률이 나타납니다: 학습을 누르세요</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; takes the softmax over the channels of each pixel ({shape}): see its output under Feature maps</source>
        <translation>&apos;{id}&apos;에서는 픽셀마다 채널에 걸쳐 softmax를 구합니다 ({shape}): 출력은 특징 맵에서 보세요</translation>
    </message>
    <message>
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>output unit</source>
        <translation>출력 유닛</translation>
    </message>
    <message>
        <source>{id} = softmax(z), sample {n}: sum = {sum}</source>
        <translation>{id} = softmax(z), 샘플 {n}: 합 = {sum}</translation>
    </message>
    <message>
        <source>its slope ∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ); each row sums to 0</source>
        <translation>기울기 ∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ); 각 행의 합은 0</translation>
    </message>
</context>
<context>
    <name>TrainingBinding</name>
    <message>
        <source>Press Train (F5) to start</source>
        <translation>학습(F5)을 누르면 시작합니다</translation>
    </message>
    <message>
        <source>run {run} (seed {seed}) · starting…</source>
        <translation>실행 {run} (시드 {seed}) · 시작하는 중…</translation>
    </message>
    <message>
        <source>Press Train (F5) to start a new run</source>
        <translation>학습(F5)을 누르면 새 실행을 시작합니다</translation>
    </message>
    <message>
        <source>step {step} · epoch {epoch} of {epochs}</source>
        <translation>스텝 {step} · 에폭 {epoch} / {epochs}</translation>
    </message>
    <message>
        <source>loss {loss}</source>
        <translation>손실 {loss}</translation>
    </message>
    <message>
        <source>run {run} (seed {seed})</source>
        <translation>실행 {run} (시드 {seed})</translation>
    </message>
    <message>
        <source>{n} examples/s</source>
        <translation>초당 샘플 {n}개</translation>
    </message>
    <message>
        <source>finished at</source>
        <translation>완료:</translation>
    </message>
    <message>
        <source>stopped at</source>
        <translation>중지:</translation>
    </message>
    <message>
        <source>diverged after</source>
        <translation>발산:</translation>
    </message>
    <message>
        <source>{reason} after</source>
        <translation>{reason}:</translation>
    </message>
    <message>
        <source>paused at</source>
        <translation>일시정지:</translation>
    </message>
    <message>
        <source>at</source>
        <translation>현재:</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>Training diverged</source>
        <translation>학습이 발산했습니다</translation>
    </message>
    <message>
        <source>Live &amp;previews on nodes</source>
        <translation>노드 실시간 미리보기(&amp;P)</translation>
    </message>
    <message>
        <source>Show each node&apos;s output for the chosen sample under its card while training</source>
        <translation>학습하는 동안 선택한 샘플에 대한 각 노드의 출력을 카드 아래에 보여 줍니다</translation>
    </message>
    <message>
        <source>Weights reset: the next run starts from new random weights (seed {seed})</source>
        <translation>가중치를 초기화했습니다: 다음 실행은 새 무작위 가중치에서 시작합니다 (시드 {seed})</translation>
    </message>
    <message>
        <source>Learning rate {lr} from the next step</source>
        <translation>다음 스텝부터 학습률 {lr}</translation>
    </message>
    <message>
        <source>Learning rate {lr} for the next run: set in the training settings (Ctrl+Z undoes it)</source>
        <translation>다음 실행의 학습률 {lr}: 학습 설정에 넣었습니다 (Ctrl+Z로 되돌립니다)</translation>
    </message>
    <message>
        <source>Cannot train: {why}</source>
        <translation>학습할 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>the dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Loading {name}...</source>
        <translation>{name} 불러오는 중...</translation>
    </message>
    <message>
        <source>The network changed, so training stopped. Press Train to start a new run on the edited network.</source>
        <translation>신경망이 바뀌어 학습을 멈췄습니다. 편집한 신경망으로 새 실행을 시작하려면 학습을 누르세요.</translation>
    </message>
    <message>
        <source>{name} is not downloaded yet: press Train to download it ({mb} MB, once)</source>
        <translation>{name}을(를) 아직 내려받지 않았습니다: 학습을 누르면 내려받습니다 ({mb} MB, 한 번만)</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <source>The training process did not stop within {s} s and was ended; the weights of step {step}, the last it sent, are kept. Train starts a new run.</source>
        <translation>학습 프로세스가 {s}초 안에 멈추지 않아 종료했습니다. 마지막으로 보낸 스텝 {step}의 가중치는 남아 있습니다. 학습을 누르면 새 실행을 시작합니다.</translation>
    </message>
    <message>
        <source>The training process did not stop within {s} s and was ended; it had sent no weights, so the run keeps its starting weights. Train starts a new run.</source>
        <translation>학습 프로세스가 {s}초 안에 멈추지 않아 종료했습니다. 보낸 가중치가 없어 실행은 시작 가중치를 유지합니다. 학습을 누르면 새 실행을 시작합니다.</translation>
    </message>
</context>
<context>
    <name>TrainingStates</name>
    <message>
        <source>Finished ({n} epochs)</source>
        <translation>완료 ({n} 에폭)</translation>
    </message>
    <message>
        <source>Diverged: lower the learning rate</source>
        <translation>발산함: 학습률을 낮추세요</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Paused at step {step}</source>
        <translation>스텝 {step}에서 일시정지</translation>
    </message>
    <message>
        <source>Stopped at step {step}</source>
        <translation>스텝 {step}에서 중지</translation>
    </message>
    <message>
        <source>Not training</source>
        <translation>학습 중 아님</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>학습 중…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>중지하는 중…</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>계속(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>이어서 학습(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>학습(&amp;T)</translation>
    </message>
</context>
<context>
    <name>UnitMapsView</name>
    <message>
        <source>Select a Dense or activation node of up to 16 units (2-D data) to see what each of its units has learned over the input plane</source>
        <translation>유닛이 16개 이하인 Dense 또는 활성화 노드를 선택하면(2차원 데이터) 각 유닛이 입력 평면에서 무엇을 배웠는지 보여 줍니다</translation>
    </message>
    <message>
        <source>The units&apos; maps of &apos;{id}&apos; appear when training runs: press Train</source>
        <translation>학습이 진행되면 &apos;{id}&apos;의 유닛 지도가 나타납니다: 학습을 누르세요</translation>
    </message>
    <message>
        <source>unit output</source>
        <translation>유닛 출력</translation>
    </message>
    <message>
        <source>Each map: one unit&apos;s output for every point of the input plane (x₀ across, x₁ up), over the data&apos;s range. All maps share the colour scale on the right.</source>
        <translation>지도 하나: 데이터 범위의 입력 평면 각 점(x₀ 가로, x₁ 세로)에 대한 한 유닛의 출력. 모든 지도는 오른쪽의 색 눈금을 함께 씁니다.</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; has no units&apos; maps: only Dense and activation layers of up to {n} units get them</source>
        <translation>&apos;{id}&apos;에는 유닛 지도가 없습니다: 유닛이 {n}개 이하인 Dense와 활성화 레이어에만 있습니다</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; ({type}): each unit&apos;s output over the input plane (x₀ →, x₁ ↑) · step {step}</source>
        <translation>&apos;{id}&apos; ({type}): 입력 평면(x₀ →, x₁ ↑)에서 각 유닛의 출력 · 스텝 {step}</translation>
    </message>
</context>
<context>
    <name>WeightsView</name>
    <message>
        <source>Select a Dense node on the canvas to see its weight matrix</source>
        <translation>캔버스에서 Dense 노드를 선택하면 가중치 행렬을 보여 줍니다</translation>
    </message>
    <message>
        <source>output unit</source>
        <translation>출력 유닛</translation>
    </message>
    <message>
        <source>input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>편향</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; has no weights: select a Dense node</source>
        <translation>&apos;{id}&apos;에는 가중치가 없습니다: Dense 노드를 선택하세요</translation>
    </message>
    <message>
        <source>The weight of &apos;{id}&apos; is not a matrix ({n}-D; see Filters): select a Dense node</source>
        <translation>&apos;{id}&apos;의 가중치는 행렬이 아닙니다 ({n}차원; 필터를 보세요): Dense 노드를 선택하세요</translation>
    </message>
    <message>
        <source>The weight matrix of &apos;{id}&apos; appears when training starts: press Train</source>
        <translation>학습을 시작하면 &apos;{id}&apos;의 가중치 행렬이 나타납니다: 학습을 누르세요</translation>
    </message>
    <message>
        <source> and .bias ({rows})</source>
        <translation> 및 .bias ({rows})</translation>
    </message>
    <message>
        <source>initial</source>
        <translation>초깃값</translation>
    </message>
    <message>
        <source>frozen: not trained</source>
        <translation>고정됨: 학습하지 않음</translation>
    </message>
</context>
</TS>
